using Spin.Gateway.Tests.Infrastructure;
using Spin.Grains.Placement;

namespace Spin.Cluster.Tests.Failover;

/// <summary>Where mints live, from <c>GET /cluster/placement</c> on a gateway.</summary>
public static class Placement
{
    /// <summary>The hosting silo of every mint (mint → silo name).</summary>
    public static async Task<Dictionary<string, string>> OfAsync(ClusterGateway gateway, IEnumerable<string> mints)
    {
        var placements = await Task.WhenAll(mints.Select(async m => (Mint: m, Silo: (await gateway.GetPlacementAsync(m))["silo"]!.GetValue<string>())));
        return placements.ToDictionary(p => p.Mint, p => p.Silo);
    }

    /// <summary>How many mints <paramref name="silo"/> hosts, or -1 when the placement endpoint does not answer (noted).</summary>
    public static async Task<double> CountOnAsync(ClusterGateway gateway, IEnumerable<string> mints, string silo, FailoverFigures figures)
    {
        try
        {
            return (await OfAsync(gateway, mints)).Count(p => p.Value == silo);
        }
        catch (HttpRequestException ex)
        {
            figures.Note("placement_error", ex.Message);
            return -1;
        }
    }

    /// <summary>The mints SignalR clients should watch across a disruption of <paramref name="silo"/>: half of them
    /// hosted there (their pushes are the ones at risk), half elsewhere; the first mints when the placement is unknown.</summary>
    public static async Task<List<string>> WatchedAcrossAsync(ClusterGateway gateway, IReadOnlyList<string> mints, string silo, FailoverFigures figures,
        int count = 4)
    {
        try
        {
            var hosts = await OfAsync(gateway, mints);
            var watched = mints.Where(m => hosts[m] == silo).Take(count / 2).ToList();
            watched.AddRange(mints.Where(m => !watched.Contains(m)).Take(count - watched.Count));
            figures.Record("watched_mints_on_disrupted_silo", watched.Count(m => hosts[m] == silo));
            return watched;
        }
        catch (HttpRequestException ex)
        {
            figures.Note("placement_error", ex.Message);
            return [.. mints.Take(count)];
        }
    }

    /// <summary>The silo rendezvous placement puts <paramref name="mint"/> on among <paramref name="silos"/>, computed here
    /// independently of the cluster (the grain id of a mint is <c>mint/KEY</c>).</summary>
    public static string PrimaryOf(string mint, IEnumerable<string> silos) => RendezvousRanking.Rank($"mint/{mint}", silos)[0];

    /// <summary>Reads every mint's events (so a grain that is not where the placement wants it moves), then its placement,
    /// until every mint is on the silo rendezvous placement over <paramref name="silos"/> gives it.</summary>
    public static async Task<Dictionary<string, string>> OnPrimariesAsync(ClusterGateway gateway, IReadOnlyList<string> mints, IReadOnlyList<string> silos,
        TimeSpan timeout)
    {
        var primaries = mints.ToDictionary(m => m, m => PrimaryOf(m, silos));
        Dictionary<string, string> current = [];
        await Eventually.HoldsAsync(async () =>
        {
            await gateway.ServedCountsAsync(mints);
            current = await OfAsync(gateway, mints);
            var elsewhere = mints.Where(m => current[m] != primaries[m]).Select(m => $"{m[..6]} on {current[m]}, not {primaries[m]}").ToList();
            return (elsewhere.Count == 0, $"{elsewhere.Count} mints off their rendezvous silo: {string.Join(", ", elsewhere.Take(5))}");
        }, timeout, $"every mint on its rendezvous silo among {string.Join(", ", silos)}");
        return current;
    }
}
