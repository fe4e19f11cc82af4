using Microsoft.Extensions.Logging;
using Spin.Grains.Interfaces.Catalog;
using Spin.Grains.Placement;

namespace Spin.Grains.Catalog;

/// <summary>One catalog shard, held in memory and derived from the mints: each mint stores its listing in its own batch,
/// so the listings are as durable as the mints' logs. The shard merges every active silo's listings when it activates
/// and again whenever the membership changes (a silo that returns may bring listings no other silo has), taking of two
/// copies of a mint the one with the higher sequence number; between merges each mint hands it its new listing after a
/// batch. A merge that could not reach every silo leaves the shard answering syncing, and is retried every second.</summary>
[RendezvousPlacement]
public sealed partial class CatalogShardGrain(SiloRanking ranking, ReplicationMetrics metrics, ILogger<CatalogShardGrain> logger)
    : Grain, ICatalogShardGrain
{
    private static readonly TimeSpan MergeCheck = TimeSpan.FromSeconds(1);
    private readonly CatalogIndex _index = new();
    private MembershipVersion _mergedAt = MembershipVersion.MinValue;
    private bool _merged;
    private bool _behind;
    private Task _merging = Task.CompletedTask;

    /// <inheritdoc />
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await MergeAsync();
        this.RegisterGrainTimer(_ => CheckMembershipAsync(), new GrainTimerCreationOptions(MergeCheck, MergeCheck) { Interleave = true });
    }

    /// <inheritdoc />
    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        SetBehind(false);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task Upsert(MintListing listing)
    {
        _index.Merge(listing);
        if (ranking.IsMisplaced(this.GetGrainId()))
        {
            MigrateOnIdle();
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<CatalogPage> Page(CatalogSort sort, CatalogEntry? after, int limit) =>
        Task.FromResult(new CatalogPage(_index.Page(sort, after, limit), _index.Count, _behind));

    private Task CheckMembershipAsync()
    {
        if (_merging.IsCompleted && (_behind || ranking.Version != _mergedAt))
        {
            _merging = MergeAsync();
        }

        return _merging;
    }

    private async Task MergeAsync()
    {
        var version = ranking.Version;
        var shard = (int)this.GetPrimaryKeyLong();
        var answers = await SiloStores.AskAllAsync(ranking, GrainFactory, PeerCalls.Transfer, store => store.Listings(shard),
            (silo, ex) => LogDebugSiloUnavailable(logger, ex, shard, silo));
        var changed = answers.Values.OfType<IReadOnlyList<MintListing>>().SelectMany(a => a).Count(_index.Merge);
        if (_merged && changed > 0)
        {
            metrics.ListingsRepaired(changed);
            LogInformationRepaired(logger, shard, changed);
        }

        _merged = true;
        _mergedAt = version;
        SetBehind(answers.Values.Any(a => a is null));
    }

    private void SetBehind(bool behind)
    {
        if (behind != _behind)
        {
            _behind = behind;
            metrics.ShardBehindChanged(behind);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Catalog shard {Shard} could not read the listings of {Silo}")]
    private static partial void LogDebugSiloUnavailable(ILogger logger, Exception exception, int shard, string silo);

    [LoggerMessage(Level = LogLevel.Information, Message = "Catalog shard {Shard} took {Listings} newer listings from the silos' stores")]
    private static partial void LogInformationRepaired(ILogger logger, int shard, int listings);
}
