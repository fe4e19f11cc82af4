using Spin.ChainSimulator.Ledger;
using Spin.Grains.Interfaces.Events;

namespace Spin.ChainSimulator.Scenario;

/// <summary>Produces the simulated chain's transactions, deterministically from the seed: launches, trades,
/// margin orders and their closes, fee milestones; some failed, some foreign, some through a router.</summary>
public sealed class ScenarioGenerator
{
    private readonly SimulatorOptions _options;
    private readonly Random _random;
    private readonly Keys _keys;
    private readonly EventFactory _events;
    private readonly TransactionComposer _composer;
    private readonly List<MintState> _mints = [];

    /// <summary>Creates the generator; the seed and rates come from <paramref name="options"/>.</summary>
    public ScenarioGenerator(SimulatorOptions options)
    {
        _options = options;
        _random = new Random(options.Seed);
        _keys = new Keys(_random);
        _events = new EventFactory(_random, _keys);
        RouterId = _keys.Key();
        ForeignId = _keys.Key();
        _composer = new TransactionComposer(_random, _keys, options.ProgramId, RouterId, ForeignId);
    }

    /// <summary>The router program that calls SpinPet by CPI.</summary>
    public string RouterId { get; }

    /// <summary>The foreign program that mentions SpinPet and logs look-alike data.</summary>
    public string ForeignId { get; }

    /// <summary>The next transaction, placed in <paramref name="slot"/>.</summary>
    public SimTransaction Next(ulong slot)
    {
        if (_mints.Count > 0 && _random.NextDouble() < _options.ForeignRate)
        {
            return _composer.Foreign(slot, Pick().Mint);
        }

        if (_mints.Count > 0 && _random.NextDouble() < _options.FailRate)
        {
            var attempt = _events.BuySell(Pick(), commit: false);
            var error = SpinPetError.Common[_random.Next(SpinPetError.Common.Count)];
            return _composer.SpinPet(slot, [attempt], Routed(), error);
        }

        var events = Successful((uint)ChainLedger.BlockTimeOf(slot));
        return _composer.SpinPet(slot, events, Routed(), null);
    }

    private bool Routed() => _random.NextDouble() < _options.CpiRate;

    private List<SpinEvent> Successful(uint now)
    {
        var multi = _random.NextDouble() < _options.MultiRate;
        if (_mints.Count < _options.Mints && (_mints.Count == 0 || _random.NextDouble() < 0.25))
        {
            var mint = new MintState(_keys.Key(), _keys.Key());
            _mints.Add(mint);
            var created = _events.Create(mint, _mints.Count);
            return multi ? [created, _events.BuySell(mint)] : [created];
        }

        var target = Pick();
        if (multi && target.Orders.Count > 0 && _random.Next(2) == 0)
        {
            // A trade that crosses several orders liquidates them in the same transaction.
            var list = new List<SpinEvent> { _events.BuySell(target) };
            foreach (var order in target.Orders.Take(_random.Next(1, 4)).ToList())
            {
                list.Add(_events.Liquidate(target, order));
            }

            return list;
        }

        var events = new List<SpinEvent> { One(target, now) };
        if (multi)
        {
            events.Add(One(target, now));
            if (_random.Next(3) == 0)
            {
                events.Add(One(target, now));
            }
        }

        return events;
    }

    private SpinEvent One(MintState mint, uint now)
    {
        var roll = _random.Next(100);
        var order = mint.Orders.Count > 0 ? mint.Orders[_random.Next(mint.Orders.Count)] : null;
        return roll switch
        {
            < 50 => _events.BuySell(mint),
            < 70 => _events.Open(mint, now),
            < 80 when order is not null => _events.CloseFully(mint, order),
            < 87 when order is not null => _events.ClosePartly(mint, order),
            < 94 when order is not null => _events.Liquidate(mint, order),
            < 97 => _events.Milestone(mint),
            _ => _events.BuySell(mint),
        };
    }

    private MintState Pick() => _mints[_random.Next(_mints.Count)];
}
