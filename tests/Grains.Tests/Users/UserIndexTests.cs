using Spin.Chain.Binary;
using Spin.Grains.Interfaces.Events;
using Spin.Grains.Mints;
using Spin.Grains.Tests.Infrastructure;
using Spin.Grains.Users;

namespace Spin.Grains.Tests.Users;

/// <summary>The user index a mint writes in its own batch. The rule the expectations follow, as spin-server's users see
/// it: an event belongs to the history of the account that paid for it, and the owner of an order also sees the order's
/// opening and its liquidation by someone else.</summary>
public sealed class UserIndexTests : IDisposable
{
    private static readonly UInt128 Price = UInt128.Parse("279589934762348555452");
    private readonly StoreFixture _store = new();
    private readonly string _mint = TestEvents.Key();
    private readonly string _owner = TestEvents.Key();
    private readonly string _liquidator = TestEvents.Key();
    private readonly string _pda = TestEvents.Key();

    public void Dispose() => _store.Dispose();

    [Fact]
    public void AnOrderOwnerSeesTheLiquidationOfAnOrderOpenedInTheSameBatchAndTheOrderIsClosed()
    {
        var books = new MintBooks(_store.Store, _mint).Load();
        var trade = TestEvents.BuySell(_mint, 3);

        books.Write([Open(slot: 1), Liquidate(slot: 2), trade]);

        var owner = books.ReadUser(_owner);
        Assert.Equal([1L, 2L], owner.Events.Select(e => e.Seq));
        Assert.Empty(owner.Orders);
        Assert.Equal([2L], books.ReadUser(_liquidator).Events.Select(e => e.Seq));
        Assert.Equal([3L], books.ReadUser(trade.Body.Payer).Events.Select(e => e.Seq));
        Assert.Empty(books.ReadUser(TestEvents.Key()).Events);
    }

    [Fact]
    public void AnOpenOrderIsListedForItsOwnerOnlyAndARedeliveredBatchAddsNothing()
    {
        var books = new MintBooks(_store.Store, _mint).Load();
        var open = Open(slot: 1);

        books.Write([open]);
        books.Write([open]);

        var owner = books.ReadUser(_owner);
        Assert.Single(owner.Events);
        Assert.Equal(_pda, Assert.Single(owner.Orders).OrderPda);
        Assert.Empty(books.ReadUser(_liquidator).Orders);
    }

    [Fact]
    public void TheStoreNamesEveryMintThatHoldsAUsersEventsOnce()
    {
        var other = TestEvents.Key();
        new MintBooks(_store.Store, _mint).Load().Write([Open(slot: 1), Liquidate(slot: 2)]);
        new MintBooks(_store.Store, other).Load().Write([Trade(other, _owner, slot: 5), Trade(other, _owner, slot: 6)]);

        var mints = UserIndex.MintsOf(_store.Store, PublicKey.Parse(_owner)).Select(m => PublicKey.ToBase58(m));

        Assert.Equal(new[] { _mint, other }.Order(StringComparer.Ordinal), mints.Order(StringComparer.Ordinal));
        Assert.Equal([_mint], UserIndex.MintsOf(_store.Store, PublicKey.Parse(_liquidator)).Select(m => PublicKey.ToBase58(m)));
    }

    private ChainEvent Open(ulong slot) =>
        new(new EventId(TestEvents.Key() + TestEvents.Key(), 0), slot, 1_767_225_600 + (long)slot,
            new LongShortEvent(_owner, _mint, _pda, Price, 1, _mint, _owner, Price, Price, 7, 8, 9, 10, 11, 12, 13, 1));

    private ChainEvent Liquidate(ulong slot) =>
        new(new EventId(TestEvents.Key() + TestEvents.Key(), 0), slot, 1_767_225_600 + (long)slot, new ForceLiquidateEvent(_liquidator, _mint, _pda));

    private static ChainEvent Trade(string mint, string payer, ulong slot) =>
        new(new EventId(TestEvents.Key() + TestEvents.Key(), 0), slot, 1_767_225_600 + (long)slot,
            new BuySellEvent(payer, mint, true, 5_000_000, 1_000_000, Price));
}
