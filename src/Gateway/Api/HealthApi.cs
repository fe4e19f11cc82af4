using Microsoft.Extensions.Options;
using Spin.Chain.Rpc;
using Spin.Gateway.Push;
using Spin.Grains.Interfaces.Catalog;
using Spin.Grains.Storage;
using Spin.Silo.Ingest;

namespace Spin.Gateway.Api;

/// <summary><c>GET /health</c>: readiness as a JSON report, 503 when the process cannot serve current data (store
/// unreadable, listener enabled but neither running nor standing by for the lease, or the running listener lagging the
/// chain past <c>Spin:Chain:HealthMaxLagSlots</c>);
/// <c>catalog_syncing</c> says a catalog shard could not read every silo's listings at its last merge (the mint count and
/// <c>/api/mints</c> may be incomplete until it can); <c>GET /alive</c>: liveness, which only says the process answers.</summary>
public static class HealthApi
{
    private static readonly string ServerId = $"{Environment.MachineName}:{Environment.ProcessId}";

    /// <summary>Maps <c>/health</c> and <c>/alive</c>.</summary>
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/alive", () => Results.Ok(new AliveReport("alive")))
            .WithTags("Health").WithName("Alive").WithSummary("Liveness: the process answers.").Produces<AliveReport>();
        routes.MapGet("/health", GetHealthAsync)
            .WithTags("Health").WithName("Health").WithSummary("Readiness with real checks; 503 when unhealthy.")
            .Produces<HealthReport>().Produces<HealthReport>(StatusCodes.Status503ServiceUnavailable);
        return routes;
    }

    private static async Task<IResult> GetHealthAsync(IServiceProvider services, IGrainFactory grains, MarketFeeds feeds, TimeProvider clock)
    {
        // In client mode the store and the listener live in the silo processes: only the cluster is checked here.
        var store = services.GetService<RocksStore>();
        var listener = services.GetService<ChainListener>();
        var subscriber = services.GetService<SolanaLogsSubscriber>();
        var stats = services.GetService<IngestStats>() ?? new IngestStats();
        var chain = services.GetRequiredService<IOptions<ChainOptions>>().Value;
        var now = clock.GetUtcNow();
        var problems = new List<string>();
        var rocksOk = store is null || store.GetProperty("rocksdb.estimate-num-keys") is not null;
        if (!rocksOk)
        {
            problems.Add("RocksDB is not readable");
        }

        var enabled = listener is not null && chain.ListenerEnabled;
        // A listener standing by (another silo holds the lease) has no lag of its own to report.
        var lag = enabled && listener!.State != ListenerState.StandingBy ? stats.EstimatedLagSlots(now) : 0;
        if (enabled && listener!.State is not (ListenerState.Running or ListenerState.StandingBy))
        {
            problems.Add("the chain listener is not running");
        }
        else if (enabled && lag > chain.HealthMaxLagSlots)
        {
            problems.Add($"the index lags the chain by {lag} slots (threshold {chain.HealthMaxLagSlots})");
        }

        long mints;
        var catalogSyncing = false;
        try
        {
            var shards = await Task.WhenAll(Enumerable.Range(0, CatalogShards.Count)
                .Select(s => grains.GetGrain<ICatalogShardGrain>(s).Page(CatalogSort.SlotAsc, null, 0)));
            mints = shards.Sum(s => s.Total);
            catalogSyncing = shards.Any(s => s.Syncing);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            mints = -1;
            problems.Add($"the cluster did not answer: {ex.Message}");
        }

        var report = new HealthReport(
            ServerId,
            problems.Count == 0 ? "healthy" : "unhealthy",
            now.ToUnixTimeSeconds(),
            feeds.Connections,
            store is null ? "remote" : rocksOk ? "open" : "unavailable",
            new ListenerReport(
                listener is null ? "remote" : listener.State.ToReportName(),
                subscriber?.Connected ?? false,
                stats.NodeSlot,
                stats.ReconciledSlot,
                lag,
                stats.ReconciledAt?.ToUnixTimeSeconds()),
            mints,
            catalogSyncing,
            stats.EventsLastMinute,
            problems);
        return Results.Json(report, statusCode: problems.Count == 0 ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }

    /// <summary>The liveness answer.</summary>
    public sealed record AliveReport(string Status);

    /// <summary>The readiness report.</summary>
    public sealed record HealthReport(
        string ServerId,
        string Status,
        long Timestamp,
        int ActiveConnections,
        string Rocksdb,
        ListenerReport Listener,
        long MintCount,
        bool CatalogSyncing,
        long EventsLastMinute,
        IReadOnlyList<string> Problems);

    /// <summary>The chain listener's part of the report.</summary>
    public sealed record ListenerReport(
        string Status,
        bool Connected,
        long NodeSlot,
        long ReconciledSlot,
        long LagSlots,
        long? ReconciledAt);
}
