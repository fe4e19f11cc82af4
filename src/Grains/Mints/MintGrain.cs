using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RocksDbSharp;
using Spin.Chain.Binary;
using Spin.Chain.Rpc;
using Spin.Grains.Candles;
using Spin.Grains.Details;
using Spin.Grains.Interfaces.Candles;
using Spin.Grains.Interfaces.Events;
using Spin.Grains.Interfaces.Mints;
using Spin.Grains.Interfaces.Orders;
using Spin.Grains.Orders;
using Spin.Grains.Storage;
using Spin.Grains.Interfaces.Push;
using Spin.Grains.Placement;
using Orleans.Storage;

namespace Spin.Grains.Mints;

/// <summary>A SpinPet mint, keyed by its base58 address; owns the mint's event log, candles, orders and details in the
/// silo-local store, written together in one WriteBatch per applied batch. In a cluster it runs on the first silo of its
/// rendezvous ranking, copies every applied batch to the next silo before acknowledging it, fences its writes with the
/// ETag of its durable manifest, and on activation pulls from a peer (or, failing that, from the chain) whatever the
/// manifest records but its store lacks.
/// Its batch also holds its part of the user index and its catalog listing; after storing a batch it hands the listing
/// to its catalog shard (MintGrain.Catalog.cs). Fetches the token's metadata (uri_data) in the background.</summary>
[RendezvousPlacement]
public sealed partial class MintGrain(
    RocksStore store,
    MetadataFetcher metadata,
    IOptions<MetadataOptions> metadataOptions,
    SiloRanking ranking,
    ReplicationMetrics metrics,
    IOptions<ReplicationOptions> replication,
    ILogger<MintGrain> logger) : Grain, IMintGrain
{
    /// <summary>The grain storage provider of the mints' manifests (PostgreSQL in cluster mode, RocksDB standalone).</summary>
    public const string ManifestStorage = "manifest";

    private const int CatchUpPage = 2_000;
    private static readonly TimeSpan MaxUriRetryDelay = TimeSpan.FromHours(1);
    private static readonly TimeSpan CatchUpRetry = TimeSpan.FromSeconds(5);
    private const string ManifestState = "manifest";
    private readonly GrainState<MintManifest> _manifest = new(new MintManifest());
    private bool _manifestLoaded;
    private MintBooks _books = null!;
    private UriDataBook _uriData = null!;
    private IGrainTimer? _uriFetch;
    private IGrainTimer? _catchUpRetry;
    private (string Silo, long Seq)? _replicaAt;
    private long _replicaLag;
    private bool _syncing;
    private bool _gaveUp;
    private bool _moving;
    private DateTimeOffset _behindSince;
    private DateTimeOffset _chainReadAt = DateTimeOffset.MinValue;
    private readonly Dictionary<IMarketObserver, DateTimeOffset> _watchers = [];

    private MintDetails? Details => _books.Details.Current;

    /// <inheritdoc />
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var mint = this.GetPrimaryKeyString();
        _books = new MintBooks(store, mint).Load();
        _uriData = new UriDataBook(store, PublicKey.Parse(mint));
        _uriData.Load();
        try
        {
            await LoadManifestAsync();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The manifest's database is unreachable (PostgreSQL restarting): serve what this silo holds; the first write
            // reads the manifest again and fails until it can.
            LogWarningManifestUnavailable(logger, ex, mint);
        }

        StartUriFetch();
    }

    private MintManifest Manifest => _manifest.State!;

    private async Task LoadManifestAsync()
    {
        await ManifestStore.ReadStateAsync(ManifestState, this.GetGrainId(), _manifest);
        _manifest.State ??= new MintManifest();
        _manifestLoaded = true;
        if (_books.Log.LastSeq < Manifest.LastSeq)
        {
            await CatchUpAsync();
        }
    }

    private IGrainStorage ManifestStore => ServiceProvider.GetRequiredKeyedService<IGrainStorage>(ManifestStorage);

    /// <inheritdoc />
    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        SetSyncing(false);
        metrics.ReplicaLagChanged(-_replicaLag);
        _replicaLag = 0;
        ReleaseListing();
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task<ApplyResult> Apply(IReadOnlyList<ChainEvent> events)
    {
        if (!_manifestLoaded)
        {
            await LoadManifestAsync();
        }
        else if (_syncing)
        {
            await CatchUpAsync();
        }

        var (staged, push) = await StoreAsync(events);
        await ReplicateAsync(staged);
        StartUriFetch();
        if (push is not null)
        {
            Push(push);
        }

        await PublishListingAsync(wait: true);
        CheckPlacement();
        return staged.Result;
    }

    // The manifest is written before the store: a fenced activation writes nothing, and a crash in between leaves the
    // store behind the manifest, which the next activation sees and repairs (from a peer, or by the redelivered batch).
    private async Task<(StagedEvents Staged, MintPush? Push)> StoreAsync(IReadOnlyList<ChainEvent> events)
    {
        using var batch = new WriteBatch();
        try
        {
            var staged = _books.Stage(events, batch);
            if (staged.Applied.Count > 0)
            {
                if (_books.Log.LastSeq < Manifest.LastSeq && !FillsGap(staged))
                {
                    RefuseWhileBehind();
                }

                await FenceAsync(staged);
                store.Write(batch);
            }

            _books.Commit(staged);
            if (_syncing && _books.Log.LastSeq >= Manifest.LastSeq)
            {
                SetSyncing(false);
            }

            if (staged.Applied.Count == 0 || _watchers.Count == 0)
            {
                return (staged, null);
            }

            var first = staged.Result.LastSeq - staged.Applied.Count + 1;
            var stored = staged.Applied.Select((e, i) => new StoredEvent(first + i, e)).ToList();
            return (staged, new MintPush(this.GetPrimaryKeyString(), staged.Result.LastSeq, stored, _books.Candles.Touched()));
        }
        finally
        {
            _books.Discard();
        }
    }

    // The events a store behind its manifest lacks are exactly the first ones of this batch when the manifest's last
    // event falls where the gap ends: the batch a silo wrote to the manifest but not (or not everywhere) to its store
    // before dying, redelivered because the listener's cursor never moved past it.
    private bool FillsGap(StagedEvents staged)
    {
        var gap = Manifest.LastSeq - _books.Log.LastSeq;
        return Manifest.LastEvent is { } last && gap <= staged.Applied.Count && staged.Applied[(int)gap - 1].Id == last;
    }

    // Other new events must not be numbered while earlier ones are missing: they would take the missing events' sequence
    // numbers. The peers holding them may be on their way (a silo restarting, the whole cluster starting one silo after
    // another), so the batch is refused, and the listener retries it, for a grace period. After that no peer will bring
    // them, nor did the chain (the node unreachable, or none configured): the batch is accepted, the loss is counted and
    // logged.
    private void RefuseWhileBehind()
    {
        if (_gaveUp)
        {
            return;
        }

        if (DateTimeOffset.UtcNow - _behindSince < replication.Value.SyncGrace)
        {
            CheckPlacement();
            throw new InvalidOperationException(
                $"Mint {this.GetPrimaryKeyString()} is catching up ({_books.Log.LastSeq} of {Manifest.LastSeq} events here, no peer has the rest yet); retry the batch.");
        }

        GiveUp();
    }

    private void GiveUp()
    {
        _gaveUp = true;
        metrics.Unresolved();
        LogWarningStillBehind(logger, this.GetPrimaryKeyString(), _books.Log.LastSeq, Manifest.LastSeq);
    }

    private async Task FenceAsync(StagedEvents staged)
    {
        var lastSeq = staged.Result.LastSeq;
        var (previous, previousEvent) = (Manifest.LastSeq, Manifest.LastEvent);
        if (lastSeq <= previous)
        {
            // Re-applying events the manifest already counts (the store was behind it): nothing to extend.
            return;
        }

        (Manifest.LastSeq, Manifest.LastEvent) = (lastSeq, staged.Applied[^1].Id);
        try
        {
            await ManifestStore.WriteStateAsync(ManifestState, this.GetGrainId(), _manifest);
        }
        catch (InconsistentStateException ex)
        {
            // Another activation of this mint moved the manifest on: this one must not write, and must not stay.
            (Manifest.LastSeq, Manifest.LastEvent) = (previous, previousEvent);
            metrics.Fenced();
            LogWarningFenced(logger, ex, this.GetPrimaryKeyString(), RuntimeIdentity);
            DeactivateOnIdle();
            throw;
        }
        catch
        {
            (Manifest.LastSeq, Manifest.LastEvent) = (previous, previousEvent);
            throw;
        }
    }

    // Copies to the replica silo whatever it lacks, usually exactly the batch just applied, before the call returns (and
    // so before the listener's cursor moves). A failure fails the call: the listener redelivers and this runs again.
    private async Task ReplicateAsync(StagedEvents staged)
    {
        var last = _books.Log.LastSeq;
        var replica = ranking.ReplicaOf(this.GetGrainId(), ranking.LocalName);
        if (replica is null || last == 0)
        {
            SetReplicaLag(0);
            return;
        }

        var grain = GrainFactory.GetGrain<IMintReplicaGrain>(NamedSiloPlacement.Key(replica, this.GetPrimaryKeyString()));
        try
        {
            var at = _replicaAt is { } known && known.Silo == replica ? known.Seq : await grain.LastSeq().WaitAsync(PeerCalls.Query);
            var first = last - staged.Applied.Count + 1;
            if (staged.Applied.Count > 0 && at == first - 1)
            {
                at = await grain.Store(first, staged.Applied).WaitAsync(PeerCalls.Transfer);
            }

            while (at < last)
            {
                SetReplicaLag(last - at);
                var range = _books.Log.ReadFrom(at + 1, CatchUpPage);
                var next = await grain.Store(at + 1, range.Select(e => e.Event).ToList()).WaitAsync(PeerCalls.Transfer);
                if (next <= at)
                {
                    throw new InvalidOperationException($"The replica of {this.GetPrimaryKeyString()} on {replica} stayed at {at}.");
                }

                at = next;
            }

            _replicaAt = (replica, at);
            SetReplicaLag(0);
        }
        catch
        {
            _replicaAt = null;
            SetReplicaLag(Math.Max(1, staged.Applied.Count));
            throw;
        }
    }

    // Pulls the events the manifest records but the store lacks from the peer holding the most of them, then from the
    // chain if no peer has them all.
    private async Task CatchUpAsync()
    {
        var mint = this.GetPrimaryKeyString();
        var target = Manifest.LastSeq;
        var best = (Silo: (string?)null, Seq: _books.Log.LastSeq);
        foreach (var silo in ranking.Rank(this.GetGrainId()).Where(s => s != ranking.LocalName))
        {
            try
            {
                var held = await GrainFactory.GetGrain<IMintReplicaGrain>(NamedSiloPlacement.Key(silo, mint)).LastSeq().WaitAsync(PeerCalls.Query);
                if (held > best.Seq)
                {
                    best = (silo, held);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogDebugPeerUnavailable(logger, ex, mint, silo);
            }
        }

        if (best.Silo is { } source)
        {
            var peer = GrainFactory.GetGrain<IMintReplicaGrain>(NamedSiloPlacement.Key(source, mint));
            while (_books.Log.LastSeq < best.Seq)
            {
                var range = await peer.Read(_books.Log.LastSeq + 1, CatchUpPage).WaitAsync(PeerCalls.Transfer);
                if (range.Count == 0 || range[0].Seq != _books.Log.LastSeq + 1)
                {
                    break;
                }

                metrics.CaughtUp(_books.Write(range.Select(e => e.Event).ToList()));
            }

            LogInformationCaughtUp(logger, mint, source, _books.Log.LastSeq, target);
        }

        var behind = _books.Log.LastSeq < Manifest.LastSeq;
        if (behind && !_syncing)
        {
            _behindSince = DateTimeOffset.UtcNow;
        }

        // The chain only once the peers have had their chance: after a whole-cluster restart they come back one after
        // another within seconds and hold the events already numbered.
        if (behind && DateTimeOffset.UtcNow - _behindSince >= replication.Value.ChainReadAfter)
        {
            await CatchUpFromChainAsync();
            behind = _books.Log.LastSeq < Manifest.LastSeq;
        }

        SetSyncing(behind);
        if (behind && _catchUpRetry is null)
        {
            _catchUpRetry = this.RegisterGrainTimer(RetryCatchUpAsync, new GrainTimerCreationOptions(CatchUpRetry, CatchUpRetry));
        }
    }

    // Events up to the manifest take the numbers it gave them and are written as a peer's would be. Newer ones (the
    // listener has not delivered them yet, or its batch was refused while the mint was behind) extend the log as Apply
    // does: manifest first, then store, then replica; the listener's delivery then finds them duplicates.
    private async Task CatchUpFromChainAsync()
    {
        var options = replication.Value;
        if (ServiceProvider.GetService<IMintChainHistory>() is not { } chain || DateTimeOffset.UtcNow - _chainReadAt < options.ChainReadInterval)
        {
            return;
        }

        _chainReadAt = DateTimeOffset.UtcNow;
        var mint = this.GetPrimaryKeyString();
        IReadOnlyList<ChainEvent> history;
        try
        {
            using var timeout = new CancellationTokenSource(options.ChainReadTimeout);
            history = await chain.ReadAsync(mint, timeout.Token).WaitAsync(options.ChainReadTimeout);
        }
        catch (Exception ex)
        {
            LogWarningChainReadFailed(logger, ex, mint);
            return;
        }

        var fresh = history.DistinctBy(e => e.Id).Where(e => !_books.Log.Holds(e.Id)).ToList();
        var gap = (int)Math.Min(fresh.Count, Manifest.LastSeq - _books.Log.LastSeq);
        var written = 0;
        foreach (var page in fresh.Take(gap).Chunk(CatchUpPage))
        {
            written += _books.Write(page);
        }

        metrics.CaughtUpFromChain(written);
        if (fresh.Count > gap)
        {
            written += await ExtendFromChainAsync(fresh[gap..]);
        }

        LogInformationCaughtUpFromChain(logger, mint, history.Count, written, _books.Log.LastSeq, Manifest.LastSeq);
    }

    private async Task<int> ExtendFromChainAsync(List<ChainEvent> events)
    {
        var (staged, push) = await StoreAsync(events);
        metrics.CaughtUpFromChain(staged.Applied.Count);
        if (push is not null)
        {
            Push(push);
        }

        _ = PublishListingAsync(wait: false);

        try
        {
            await ReplicateAsync(staged);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Stored and counted by the manifest here; the replica gets them with the next applied batch.
            LogWarningChainReplicaBehind(logger, ex, this.GetPrimaryKeyString());
        }

        return staged.Applied.Count;
    }

    private async Task RetryCatchUpAsync(CancellationToken cancellationToken)
    {
        if (_syncing)
        {
            await CatchUpAsync();
        }

        if (!_syncing)
        {
            _catchUpRetry?.Dispose();
            _catchUpRetry = null;
        }
        else if (!_gaveUp && DateTimeOffset.UtcNow - _behindSince >= replication.Value.SyncGrace)
        {
            // An idle mint is counted too, not only one that receives a batch after the grace period.
            GiveUp();
        }
    }

    private void SetSyncing(bool syncing)
    {
        if (syncing != _syncing)
        {
            _syncing = syncing;
            metrics.SyncingChanged(syncing);
        }
    }

    private void SetReplicaLag(long lag)
    {
        metrics.ReplicaLagChanged(lag - _replicaLag);
        _replicaLag = lag;
    }

    // A grain activated before its first-ranked silo joined (or that stayed on its replica after a failover) leaves once
    // idle; the next call activates it where it belongs, and that activation pulls what it lacks from this silo.
    private T Served<T>(T answer)
    {
        CheckPlacement();
        return answer;
    }

    private void CheckPlacement()
    {
        if (!_moving && ranking.IsMisplaced(this.GetGrainId()))
        {
            // Migration runs the placement director again, which picks the first silo of the ranking; a grain that is
            // only asked to deactivate when idle can stay put while batches keep arriving.
            _moving = true;
            metrics.Moved();
            LogDebugMisplaced(logger, this.GetPrimaryKeyString(), ranking.LocalName, ranking.PrimaryOf(this.GetGrainId())!);
            MigrateOnIdle();
        }
    }

    /// <inheritdoc />
    public Task<EventPage> GetEvents(EventQuery query) => Task.FromResult(Served(_books.Log.Read(query) with { Syncing = _syncing }));

    /// <inheritdoc />
    public Task<CandlePage> GetCandles(CandleQuery query) => Task.FromResult(Served(_books.Candles.Read(query) with { Syncing = _syncing }));

    /// <inheritdoc />
    public Task<OrderPage> GetOrders(bool up, int page, int limit) => Task.FromResult(Served(_books.Orders.Read(up, page, limit) with { Syncing = _syncing }));

    /// <inheritdoc />
    public Task<MintDetails?> GetDetails() => Task.FromResult(Served(Details is { } d ? d with { UriData = _uriData.Json } : null));

    /// <inheritdoc />
    public Task<IReadOnlyList<StoredEvent>> GetEventRange(long fromSeq, int max) => Task.FromResult(_books.Log.ReadFrom(fromSeq, Math.Min(max, 10_000)));

    /// <inheritdoc />
    public Task<MintUserView> GetUser(string user)
    {
        var (events, orders) = _books.ReadUser(user);
        return Task.FromResult(Served(new MintUserView(events, orders, _syncing)));
    }

    /// <inheritdoc />
    public Task<MintPlacement> GetPlacement() => Task.FromResult(new MintPlacement(
        this.GetPrimaryKeyString(), ranking.LocalName, ranking.ReplicaOf(this.GetGrainId(), ranking.LocalName),
        _books.Log.LastSeq, Manifest.LastSeq, _syncing));

    /// <inheritdoc />
    public Task<long> Watch(IMarketObserver observer, TimeSpan lease)
    {
        _watchers[observer] = DateTimeOffset.UtcNow + lease;
        return Task.FromResult(Served(_books.Log.LastSeq));
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
        if (options.Enabled && _uriFetch is null && Details?.Uri is { } uri && _uriData.IsPending(options.MaxAttempts))
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "The manifest of {Mint} could not be read; serving this silo's data until it can")]
    private static partial void LogWarningManifestUnavailable(ILogger logger, Exception exception, string mint);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A write to {Mint} by activation {Activation} was fenced: another activation moved the manifest on")]
    private static partial void LogWarningFenced(ILogger logger, Exception exception, string mint, string activation);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Asking {Silo} for the events of {Mint} failed")]
    private static partial void LogDebugPeerUnavailable(ILogger logger, Exception exception, string mint, string silo);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Mint} caught up from {Silo} to event {LastSeq} (manifest {ManifestSeq})")]
    private static partial void LogInformationCaughtUp(ILogger logger, string mint, string silo, long lastSeq, long manifestSeq);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Mint} holds {LastSeq} events but its manifest records {ManifestSeq}, and neither a peer nor the chain brought the rest within the grace period: accepting new events; the missing ones are lost")]
    private static partial void LogWarningStillBehind(ILogger logger, string mint, long lastSeq, long manifestSeq);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Mint} read {ChainEvents} events from the chain, {Applied} of them new, to event {LastSeq} (manifest {ManifestSeq})")]
    private static partial void LogInformationCaughtUpFromChain(ILogger logger, string mint, int chainEvents, int applied, long lastSeq, long manifestSeq);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading the history of {Mint} from the chain failed; asking again later")]
    private static partial void LogWarningChainReadFailed(ILogger logger, Exception exception, string mint);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Copying the events {Mint} read from the chain to its replica failed; its next batch copies them")]
    private static partial void LogWarningChainReplicaBehind(ILogger logger, Exception exception, string mint);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Mint} runs on {Silo} but belongs on {Primary}; leaving once idle")]
    private static partial void LogDebugMisplaced(ILogger logger, string mint, string silo, string primary);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pushing a batch of {Mint} to a gateway failed")]
    private static partial void LogWarningPushFailed(ILogger logger, Exception exception, string mint);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Fetching uri_data of {Mint} from {Uri} failed ({Failure}); retrying in {Delay}")]
    private static partial void LogDebugUriDataRetry(ILogger logger, string mint, string uri, string? failure, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Gave up fetching uri_data of {Mint} from {Uri} after {Attempts} attempts: {Failure}")]
    private static partial void LogWarningUriDataFailed(ILogger logger, string mint, string uri, int attempts, string failure);
}
