using Spin.Chain.Binary;
using Spin.Grains.Interfaces.Events;

namespace Spin.Bench.Paging;

/// <summary>A deterministic synthetic chain: one TokenCreated per mint, a hot mint whose BuySell trades are spread over
/// time (1–2 a slot, 400 ms slots, so most seconds hold a trade), and a small mint with one page of trades.</summary>
public sealed class SyntheticChain
{
    /// <summary>Events of the small reference mint, its TokenCreated included.</summary>
    public const int SmallMintEvents = 100;

    private const long GenesisTime = 1_767_225_600;
    private const ulong GenesisSlot = 200_000_000;
    private static readonly UInt128 StartPrice = UInt128.Parse("279589934762348555452");
    private readonly Random _random = new(20261130);
    private readonly string[] _payers;
    private readonly string _feeRecipient;
    private readonly string _paramsAccount;

    private SyntheticChain(int mints, int hotEvents)
    {
        _payers = Enumerable.Range(0, 1_000).Select(_ => Key()).ToArray();
        _feeRecipient = Key();
        _paramsAccount = Key();
        // Launch slots advance every second mint, so the catalog has ties its cursors must break by mint.
        Launches = Enumerable.Range(0, mints).Select(i => Launch(i, i == 0 ? GenesisSlot + (ulong)mints : GenesisSlot + (ulong)i / 2)).ToList();
        HotEvents = [Launches[0], .. Trades(HotMint, hotEvents - 1, Launches[0].Slot)];
        SmallTrades = Trades(SmallMint, SmallMintEvents - 1, Launches[1].Slot);
    }

    /// <summary>One TokenCreated per mint; the first is the hot mint's, the second the small mint's.</summary>
    public IReadOnlyList<ChainEvent> Launches { get; }

    /// <summary>Every event of the hot mint in chain order: its TokenCreated, then its trades.</summary>
    public IReadOnlyList<ChainEvent> HotEvents { get; }

    /// <summary>The small mint's trades (its TokenCreated is among <see cref="Launches"/>).</summary>
    public IReadOnlyList<ChainEvent> SmallTrades { get; }

    /// <summary>The mint with many events.</summary>
    public string HotMint => Launches[0].Body.Mint;

    /// <summary>The mint with one page of events, for reference.</summary>
    public string SmallMint => Launches[1].Body.Mint;

    /// <summary>Builds the chain for <paramref name="mints"/> mints and a hot mint of <paramref name="hotEvents"/> events.</summary>
    public static SyntheticChain Create(int mints, int hotEvents) => new(mints, hotEvents);

    /// <summary>The block time of a slot.</summary>
    public static long TimeOf(ulong slot) => GenesisTime + (long)((slot - GenesisSlot) * 2 / 5);

    private ChainEvent Launch(int index, ulong slot)
    {
        var mint = Key();
        var body = new TokenCreatedEvent(Payer(), mint, Key(), Key(), Key(), _feeRecipient, _feeRecipient, _paramsAccount,
            100, 200, 0, $"Bench {index}", $"B{index}", $"ipfs://bench/{index}");
        return new ChainEvent(new EventId(Signature(), 0), slot, TimeOf(slot), body);
    }

    private List<ChainEvent> Trades(string mint, int count, ulong afterSlot)
    {
        var trades = new List<ChainEvent>(count);
        var slot = afterSlot;
        var price = StartPrice;
        while (trades.Count < count)
        {
            slot++;
            for (var inSlot = 1 + _random.Next(2); inSlot > 0 && trades.Count < count; inSlot--)
            {
                var isBuy = _random.Next(2) == 0;
                price = isBuy ? price + (price / 1000) : price - (price / 1000);
                var sol = (ulong)_random.Next(10_000_000, 1_000_000_000);
                var body = new BuySellEvent(Payer(), mint, isBuy, sol * 3_000, sol, price);
                trades.Add(new ChainEvent(new EventId(Signature(), 0), slot, TimeOf(slot), body));
            }
        }

        return trades;
    }

    private string Payer() => _payers[_random.Next(_payers.Length)];

    private string Key() => Base58(32);

    private string Signature() => Base58(64);

    private string Base58(int length)
    {
        var bytes = new byte[length];
        _random.NextBytes(bytes);
        return PublicKey.ToBase58(bytes);
    }
}
