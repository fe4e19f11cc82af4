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
    private readonly LogBuilder _logs;
    private readonly string _routerId;
    private readonly string _foreignId;
    private readonly List<MintState> _mints = [];

    public ScenarioGenerator(SimulatorOptions options)
    {
        _options = options;
        _random = new Random(options.Seed);
        _keys = new Keys(_random);
        _events = new EventFactory(_random, _keys);
        _routerId = _keys.Key();
        _foreignId = _keys.Key();
        _logs = new LogBuilder(_random, options.ProgramId, _routerId, _foreignId);
    }

    /// <summary>The next transaction, placed in <paramref name="slot"/>.</summary>
    public SimTransaction Next(ulong slot)
    {
        var blockTime = ChainLedger.BlockTimeOf(slot);
        if (_mints.Count > 0 && _random.NextDouble() < _options.ForeignRate)
        {
            var lookAlike = _events.BuySell(Pick(), commit: false);
            return Transaction(slot, blockTime, null, _foreignId, _logs.Foreign(lookAlike), []);
        }

        if (_mints.Count > 0 && _random.NextDouble() < _options.FailRate)
        {
            var attempt = _events.BuySell(Pick(), commit: false);
            var logs = _logs.SpinPet([attempt], viaRouter: false, fail: true);
            return Transaction(slot, blockTime, """{"InstructionError":[0,{"Custom":6030}]}""", _options.ProgramId, logs, [attempt]);
        }

        var events = Successful((uint)blockTime);
        var viaRouter = _random.NextDouble() < _options.CpiRate;
        return Transaction(slot, blockTime, null, viaRouter ? _routerId : _options.ProgramId, _logs.SpinPet(events, viaRouter, fail: false), events);
    }

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
        if (multi && target.Orders.Count > 0)
        {
            // A trade that crosses several orders liquidates them in the same transaction.
            var list = new List<SpinEvent> { _events.BuySell(target) };
            foreach (var order in target.Orders.Take(_random.Next(1, 4)).ToList())
            {
                list.Add(_events.Liquidate(target, order));
            }

            return list;
        }

        return multi ? [One(target, now), One(target, now)] : [One(target, now)];
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

    private SimTransaction Transaction(ulong slot, long blockTime, string? error, string invoked, List<string> logs, IReadOnlyList<SpinEvent> events)
    {
        var payer = _keys.Key();
        string[] accounts = [payer, _keys.Key(), _keys.Key(), invoked, _options.ProgramId, LogBuilder.SystemProgram, LogBuilder.TokenProgram];
        var keys = accounts.Distinct().ToList();
        return new SimTransaction(_keys.Signature(), slot, blockTime, error, _random.Next(2) == 0, keys, keys.IndexOf(invoked),
            _keys.Key(), logs, events);
    }
}
