using System.Text.Json;
using Microsoft.Extensions.Options;
using Spin.Chain.Rpc;
using Spin.Grains.Placement;
using Spin.Grains.Storage;
using Spin.Silo.Ingest;

namespace Spin.Silo.Health;

/// <summary><c>GET /health</c> of a silo process: a JSON report, 503 when the silo cannot do its part (RocksDB unreadable,
/// the listener enabled but neither running nor standing by, or running and lagging the chain past
/// <c>Spin:Chain:HealthMaxLagSlots</c>). A silo standing by for the listener lease is healthy. It also counts the mints
/// hosted here that are still catching up after a cluster change.</summary>
public static class SiloHealthApi
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>Maps <c>/health</c>.</summary>
    public static IEndpointRouteBuilder MapSiloHealth(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/health", GetHealth);
        return routes;
    }

    private static IResult GetHealth(RocksStore store, ChainListener listener, SolanaLogsSubscriber subscriber, IngestStats stats,
        ReplicationMetrics replication, IOptions<ChainOptions> options, IOptions<SpinClusterOptions> cluster)
    {
        var chain = options.Value;
        var problems = new List<string>();
        var rocksOk = store.GetProperty("rocksdb.estimate-num-keys") is not null;
        if (!rocksOk)
        {
            problems.Add("RocksDB is not readable");
        }

        var state = listener.State;
        long? lag = state == ListenerState.Running ? stats.EstimatedLagSlots(DateTimeOffset.UtcNow) : null;
        if (chain.ListenerEnabled && state is not (ListenerState.Running or ListenerState.StandingBy))
        {
            problems.Add("the chain listener is enabled but neither running nor standing by");
        }
        else if (lag > chain.HealthMaxLagSlots)
        {
            problems.Add($"the index lags the chain by {lag} slots (threshold {chain.HealthMaxLagSlots})");
        }

        var report = new SiloHealthReport(
            problems.Count == 0 ? "healthy" : "unhealthy",
            ListenerSetup.SiloName(cluster.Value),
            rocksOk ? "open" : "unavailable",
            new SiloListenerReport(state.ToReportName(), listener.LeaseHolder, subscriber.Connected, lag),
            new SiloReplicationReport(replication.Syncing, replication.ReplicaLag, replication.ShardsBehind, replication.ListingsPending, replication.Repaired),
            problems);
        return Results.Json(report, Json, statusCode: problems.Count == 0 ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }
}

/// <summary>A silo's readiness report.</summary>
public sealed record SiloHealthReport(
    string Status, string Silo, string Rocksdb, SiloListenerReport Listener, SiloReplicationReport Replication, IReadOnlyList<string> Problems);

/// <summary>Replication's part of a silo's report: how many grains hosted here serve while behind (mints still catching
/// up, catalog shards that could not read every silo: their answers say <c>syncing</c>; reads still work, so this alone
/// does not make the silo unhealthy), how many applied events their replicas do not hold yet, how many mints' newest
/// listings their catalog shard has not taken yet, and how many listings catalog merges repaired so far.</summary>
public sealed record SiloReplicationReport(long SyncingMints, long LagEvents, long CatalogShardsBehind, long CatalogPending, long CatalogRepaired);

/// <summary>The chain listener's part of a silo's report: its status (<c>running</c>, <c>standing_by</c>, <c>disabled</c>
/// or <c>stopped</c>), the lease holder in cluster mode, and the lag while it runs.</summary>
public sealed record SiloListenerReport(string Status, string? LeaseHolder, bool Connected, long? LagSlots);
