using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RocksDbSharp;
using Spin.Chain.Binary;
using Spin.Chain.Rpc;
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
using Spin.Grains.Interfaces.Push;

namespace Spin.Grains.Mints;

/// <summary>A SpinPet mint, keyed by its base58 address; owns the mint's event log, candles, orders and details in the silo-local
/// store, written together in one WriteBatch per applied batch. Fetches the token's metadata (uri_data) in the background.</summary>
public sealed partial class MintGrain(
    RocksStore store,
    MetadataFetcher metadata,
    IOptions<MetadataOptions> metadataOptions,
    ILogger<MintGrain> logger) : Grain, IMintGrain
{
    private static readonly TimeSpan MaxUriRetryDelay = TimeSpan.FromHours(1);
    private MintEventLog _log = null!;
    private CandleBook _candles = null!;
    private OrderBook _orders = null!;
    private DetailsBook _details = null!;
    private UriDataBook _uriData = null!;
    private IGrainTimer? _uriFetch;
    private readonly Dictionary<IMarketObserver, DateTimeOffset> _watchers = [];

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
        _uriData = new UriDataBook(store, mint);
        _uriData.Load();
        StartUriFetch();
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task<ApplyResult> Apply(IReadOnlyList<ChainEvent> events)
    {
        var (result, push) = Store(events);
        StartUriFetch();
        if (push is not null)
        {
            Push(push);
        }

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

    private (ApplyResult Result, MintPush? Push) Store(IReadOnlyList<ChainEvent> events)
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
            if (staged.Applied.Count == 0 || _watchers.Count == 0)
            {
                return (staged.Result, null);
            }

            var first = staged.Result.LastSeq - staged.Applied.Count + 1;
            var stored = staged.Applied.Select((e, i) => new StoredEvent(first + i, e)).ToList();
            return (staged.Result, new MintPush(this.GetPrimaryKeyString(), staged.Result.LastSeq, stored, _candles.Touched()));
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
    public Task<MintDetails?> GetDetails() => Task.FromResult(_details.Current is { } d ? d with { UriData = _uriData.Json } : null);

    /// <inheritdoc />
    public Task<IReadOnlyList<StoredEvent>> GetEventRange(long fromSeq, int max) => Task.FromResult(_log.ReadFrom(fromSeq, Math.Min(max, 10_000)));

    /// <inheritdoc />
    public Task<long> Watch(IMarketObserver observer, TimeSpan lease)
    {
        _watchers[observer] = DateTimeOffset.UtcNow + lease;
        return Task.FromResult(_log.LastSeq);
    }

    /// <inheritdoc />
    public Task Unwatch(IMarketObserver observer)
    {
        _watchers.Remove(observer);
        return Task.CompletedTask;
    }

    // One-way sends to every gateway whose lease is current; an expired lease (a dead gateway) is dropped here.
    private void Push(MintPush push)
    {
        var now = DateTimeOffset.UtcNow;
        foreach (var (observer, expires) in _watchers.ToList())
        {
            if (expires < now)
            {
                _watchers.Remove(observer);
                continue;
            }

            try
            {
                _ = observer.OnPush(push);
            }
            catch (Exception ex)
            {
                LogWarningPushFailed(logger, ex, push.Mint);
            }
        }
    }

    private void StartUriFetch()
    {
        var options = metadataOptions.Value;
        if (options.Enabled && _uriFetch is null && _details.Current?.Uri is { } uri && _uriData.IsPending(options.MaxAttempts))
        {
            // Interleaved so that a slow metadata server never holds up Apply; the callback still runs on the grain's
            // turns, and the result is stored in one turn after the last await.
            _uriFetch = this.RegisterGrainTimer(FetchUriData, uri,
                new GrainTimerCreationOptions(TimeSpan.Zero, Timeout.InfiniteTimeSpan) { Interleave = true });
        }
    }

    private async Task FetchUriData(string uri, CancellationToken cancellationToken)
    {
        MetadataFetchResult result;
        try
        {
            result = await metadata.Fetch(uri, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Deactivating: the next activation fetches again, as nothing was recorded.
            return;
        }

        var options = metadataOptions.Value;
        if (_uriData.Record(result, options.MaxAttempts))
        {
            var delay = Backoff.Delay(_uriData.Attempts, options.RetryDelay, MaxUriRetryDelay);
            LogDebugUriDataRetry(logger, this.GetPrimaryKeyString(), uri, result.Failure, delay);
            _uriFetch!.Change(delay, Timeout.InfiniteTimeSpan);
            return;
        }

        if (_uriData.Failure is { } failure)
        {
            LogWarningUriDataFailed(logger, this.GetPrimaryKeyString(), uri, _uriData.Attempts, failure);
        }

        _uriFetch!.Dispose();
        _uriFetch = null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pushing a batch of {Mint} to a gateway failed")]
    private static partial void LogWarningPushFailed(ILogger logger, Exception exception, string mint);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Fetching uri_data of {Mint} from {Uri} failed ({Failure}); retrying in {Delay}")]
    private static partial void LogDebugUriDataRetry(ILogger logger, string mint, string uri, string? failure, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Gave up fetching uri_data of {Mint} from {Uri} after {Attempts} attempts: {Failure}")]
    private static partial void LogWarningUriDataFailed(ILogger logger, string mint, string uri, int attempts, string failure);
}
