using System.Text.Json;
using System.Text.Json.Nodes;
using Spin.Cluster.Tests.Failover;
using Spin.Gateway.Tests.Infrastructure;

namespace Spin.Bench.Scale;

/// <summary>What the bench observes through the gateway, as the failover tests do: each mint's served event count,
/// when every mint answers again after a kill, and where the mints are placed.</summary>
public static class MintProbes
{
    /// <summary>Every mint's answer to <c>/api/events?limit=1</c> (2 s timeout), probed in parallel.</summary>
    public static async Task<Dictionary<string, Probe>> ProbeAllAsync(ClusterGateway gateway, IEnumerable<string> mints)
    {
        var probes = await Task.WhenAll(mints.Select(async m => (Mint: m, Probe: await ProbeAsync(gateway, m))));
        return probes.ToDictionary(p => p.Mint, p => p.Probe);
    }

    /// <summary>Waits until at least <paramref name="events"/> events are served over <paramref name="mints"/>.</summary>
    public static Task WaitForServedAsync(ScaleCluster cluster, IReadOnlyList<string> mints, long events) =>
        cluster.WithTails(() => Eventually.HoldsAsync(async () =>
        {
            var served = (await ProbeAllAsync(cluster.Gateway, mints)).Values.Sum(p => p.Count ?? 0);
            return (served >= events, $"{served} events served");
        }, ScaleCluster.Patience, $"{events} events to be served"));

    /// <summary>Reads every mint's events (so a grain not where the placement wants it moves), then its placement, until
    /// two rounds in a row agree; returns mint → silo.</summary>
    public static async Task<Dictionary<string, string>> SettledPlacementAsync(ScaleCluster cluster, IReadOnlyList<string> mints)
    {
        Dictionary<string, string> previous = [];
        Dictionary<string, string> current = [];
        await cluster.WithTails(() => Eventually.HoldsAsync(async () =>
        {
            await ProbeAllAsync(cluster.Gateway, mints);
            previous = current;
            var placements = await Task.WhenAll(mints.Select(async m =>
                (Mint: m, Silo: (await cluster.Gateway.GetPlacementAsync(m))["silo"]!.GetValue<string>())));
            current = placements.ToDictionary(p => p.Mint, p => p.Silo);
            var changed = current.Count(p => previous.GetValueOrDefault(p.Key) != p.Value);
            return (previous.Count > 0 && changed == 0, $"{changed} placements changed since the previous round");
        }, ScaleCluster.Patience, "the placement to settle"));
        return current;
    }

    /// <summary>Polls every mint from now on and reports when all answered, and when all answered with at least
    /// <paramref name="before"/> events, counted from <paramref name="from"/> (null: not within the timeout).</summary>
    public static async Task<Answering> MeasureAnsweringAsync(ClusterGateway gateway, IReadOnlyDictionary<string, long> before, DateTime from,
        TimeSpan timeout)
    {
        TimeSpan? atAll = null;
        TimeSpan? withData = null;
        var observed = "";
        var errors = new SortedSet<string>(StringComparer.Ordinal);
        try
        {
            await Eventually.HoldsAsync(async () =>
            {
                var probes = await ProbeAllAsync(gateway, before.Keys);
                var now = DateTime.UtcNow - from;
                var silent = probes.Count(p => p.Value.Count is null);
                var behind = probes.Count(p => p.Value.Count < before[p.Key]);
                errors.UnionWith(probes.Values.Select(p => p.Error).OfType<string>().Select(e => string.Join(' ', e.Split(' ').Take(16))).Take(10));
                atAll ??= silent == 0 ? now : null;
                withData ??= silent == 0 && behind == 0 ? now : null;
                observed = $"{silent} mints not answering, {behind} answering with fewer events than before the kill";
                return (withData is not null, observed);
            }, timeout, $"every mint to answer through {gateway.Name}");
        }
        catch (TimeoutException)
        {
            // Reported through the nulls: the caller records a failed check.
        }

        return new Answering(atAll, withData, observed, errors);
    }

    private static async Task<Probe> ProbeAsync(ClusterGateway gateway, string mint)
    {
        try
        {
            using var response = await gateway.Probe.GetAsync($"api/events?mint={mint}&limit=1");
            var text = await response.Content.ReadAsStringAsync();
            var body = JsonNode.Parse(text);
            return response.IsSuccessStatusCode
                ? new Probe(body?["data"]?["total"]?.GetValue<long>(), null)
                : new Probe(null, $"HTTP {(int)response.StatusCode}: {body?["message"]?.GetValue<string>() ?? "no message"}");
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or JsonException)
        {
            return new Probe(null, ex is TaskCanceledException ? $"no answer within {gateway.Probe.Timeout.TotalSeconds} s" : ex.Message);
        }
    }
}
