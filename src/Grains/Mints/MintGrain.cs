using RocksDbSharp;
using Spin.Chain.Binary;
using Spin.Grains.Candles;
using Spin.Grains.Interfaces.Catalog;
using Spin.Grains.Details;
using Spin.Grains.Interfaces.Candles;
using Spin.Grains.Interfaces.Events;
using Spin.Grains.Interfaces.Mints;
using Spin.Grains.Interfaces.Orders;
using Spin.Grains.Orders;
using Spin.Grains.Storage;
using Spin.Grains.Users;
using Spin.Grains.Interfaces.Users;

namespace Spin.Grains.Mints;

/// <summary>A SpinPet mint, keyed by its base58 address; owns the mint's event log, candles, orders and details in the silo-local
/// store, written together in one WriteBatch per applied batch.</summary>
public sealed class MintGrain(RocksStore store) : Grain, IMintGrain
{
    private MintEventLog _log = null!;
    private CandleBook _candles = null!;
    private OrderBook _orders = null!;
    private DetailsBook _details = null!;

    /// <inheritdoc />
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var mint = PublicKey.Parse(this.GetPrimaryKeyString());
        _log = new MintEventLog(store, mint);
        _log.Load();
        _candles = new CandleBook(store, mint);
        _orders = new OrderBook(store, mint);
        _details = new DetailsBook(store, mint, this.GetPrimaryKeyString());
        _details.Load();
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task<ApplyResult> Apply(IReadOnlyList<ChainEvent> events)
    {
        var result = Store(events);
        var mint = this.GetPrimaryKeyString();
        await Task.WhenAll(UserUpdates.Of(mint, events, _orders.OwnerOf).Select(u => GrainFactory.GetGrain<IUserGrain>(u.Key).Apply(u.Value)));
        if (events.Count > 0 && _details.Current is { } d)
        {
            // The catalog is a separate, idempotent index (an unchanged listing is a no-op): a failure here fails the
            // call, the listener redelivers, and the redelivery upserts again even though its events are duplicates.
            var listing = new MintListing(d.MintAccount, d.FirstSlot, (ulong)Math.Max(0, d.LatestTradeTime ?? 0), d.TotalSolAmount);
            await GrainFactory.GetGrain<ICatalogShardGrain>(CatalogShards.Of(d.MintAccount)).Upsert(listing);
        }

        return result;
    }

    private ApplyResult Store(IReadOnlyList<ChainEvent> events)
    {
        using var batch = new WriteBatch();
        try
        {
            var staged = _log.Stage(events, batch);
            _candles.Stage(staged.Applied, batch);
            _orders.Stage(staged.Applied, batch);
            _details.Stage(staged.Applied, batch);
            if (staged.Applied.Count > 0)
            {
                store.Write(batch);
            }

            _log.Commit(staged);
            _details.Commit();
            return staged.Result;
        }
        finally
        {
            _candles.Discard();
            _orders.Discard();
        }
    }

    /// <inheritdoc />
    public Task<EventPage> GetEvents(EventQuery query) => Task.FromResult(_log.Read(query));

    /// <inheritdoc />
    public Task<CandlePage> GetCandles(CandleQuery query) => Task.FromResult(_candles.Read(query));

    /// <inheritdoc />
    public Task<OrderPage> GetOrders(bool up, int page, int limit) => Task.FromResult(_orders.Read(up, page, limit));

    /// <inheritdoc />
    public Task<MintDetails?> GetDetails() => Task.FromResult(_details.Current);
}
