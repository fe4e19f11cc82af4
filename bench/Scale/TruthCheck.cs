using System.Text.Json.Nodes;
using Spin.Cluster.Tests.Failover;
using Spin.Gateway.Tests.Infrastructure;

namespace Spin.Bench.Scale;

/// <summary>Once the stream is done: waits until every mint's served count equals the truth's, then compares every
/// event (identity and fields, per mint), candle and open order served through the gateway with the truth.</summary>
public static class TruthCheck
{
    /// <summary>The comparison; a count that never matched shows up in it as lost or duplicated events.</summary>
    public static async Task<TruthReport> CompareAsync(ScaleCluster cluster, IReadOnlyDictionary<string, List<JsonObject>> truth)
    {
        try
        {
            await Eventually.HoldsAsync(async () =>
            {
                var probes = await MintProbes.ProbeAllAsync(cluster.Gateway, truth.Keys);
                var differ = probes.Count(p => p.Value.Count != truth[p.Key].Count);
                return (differ == 0, $"{differ} mints serve another number of events than the truth");
            }, ScaleCluster.Patience, "every mint's served count to equal the truth");
        }
        catch (TimeoutException)
        {
            // The comparison below counts what differs.
        }

        return await TruthComparison.CompareAsync(cluster.Gateway, truth, TruthUsers.Of(truth));
    }

    /// <summary>Throws unless the gateway served exactly the truth.</summary>
    public static async Task AssertExactAsync(ScaleCluster cluster, IReadOnlyDictionary<string, List<JsonObject>> truth)
    {
        var report = await CompareAsync(cluster, truth);
        if (!report.Exact)
        {
            throw new InvalidOperationException($"served data differs from the truth: {report}");
        }
    }
}
