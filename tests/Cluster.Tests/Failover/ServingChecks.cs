using System.Text.Json;
using System.Text.Json.Nodes;
using Spin.Gateway.Tests.Infrastructure;

namespace Spin.Cluster.Tests.Failover;

/// <summary>What a failover test observes through the gateways: how many events each mint serves, whether every mint
/// answers, and whether everything served equals the simulator's truth.</summary>
public static class ServingChecks
{
    /// <summary>How long, once every mint's count equals the truth, the first gateway's views may take to equal it: the
    /// users' histories and the catalog follow the mints' logs, and a follower that did not answer at once is fed in the
    /// background with back-off up to 30 s.</summary>
    public static readonly TimeSpan FollowerPatience = TimeSpan.FromSeconds(60);

    /// <summary>Every mint's served event count through <paramref name="gateway"/> (null for a mint that did not answer
    /// within 2 s), probed in parallel.</summary>
    public static async Task<Dictionary<string, long?>> ServedCountsAsync(this ClusterGateway gateway, IEnumerable<string> mints) =>
        (await gateway.ProbeAllAsync(mints)).ToDictionary(p => p.Key, p => p.Value.Count);

    /// <summary>Every mint's answer to <c>/api/events?limit=1</c> through <paramref name="gateway"/>: the count, or why there is none.</summary>
    public static async Task<Dictionary<string, Probe>> ProbeAllAsync(this ClusterGateway gateway, IEnumerable<string> mints)
    {
        var probes = await Task.WhenAll(mints.Select(async m => (Mint: m, Probe: await ProbeAsync(gateway, m))));
        return probes.ToDictionary(p => p.Mint, p => p.Probe);
    }

    /// <summary>Waits until every event the simulator has produced so far is served; returns how many that is.</summary>
    public static async Task<long> WaitForServedSoFarAsync(this FailoverCluster cluster, IReadOnlyList<string> mints, TimeSpan timeout)
    {
        var produced = (await cluster.Simulator.GetTruthAsync()).Sum(p => (long)p.Value.Count);
        await cluster.WaitForServedAsync(mints, produced, timeout);
        return produced;
    }

    /// <summary>Starts the stream and waits until <paramref name="live"/> live events beyond the prefill are served.</summary>
    public static async Task StreamUntilServedAsync(this FailoverCluster cluster, IReadOnlyList<string> mints, long prefill, long live = 100)
    {
        await cluster.StartStreamingAsync();
        await cluster.WaitForServedAsync(mints, prefill + live, FailoverCluster.Patience);
    }

    /// <summary>Waits until at least <paramref name="events"/> events are served in all (ingest is under way).</summary>
    public static Task WaitForServedAsync(this FailoverCluster cluster, IReadOnlyList<string> mints, long events, TimeSpan timeout) =>
        cluster.WithTails(() => Eventually.HoldsAsync(async () =>
        {
            var served = (await cluster.Gateways[0].ServedCountsAsync(mints)).Values.Sum(c => c ?? 0);
            return (served >= events, $"{served} events served");
        }, timeout, $"{events} events to be served"));

    /// <summary>Polls every mint through <paramref name="gateway"/> from now on and reports when all answered, and when
    /// all answered with at least <paramref name="before"/> events, counted from <paramref name="from"/>.</summary>
    public static async Task<Answering> MeasureAnsweringAsync(this ClusterGateway gateway, IReadOnlyDictionary<string, long> before,
        DateTime from, TimeSpan timeout)
    {
        TimeSpan? atAll = null;
        TimeSpan? withData = null;
        var observed = "";
        var errors = new SortedSet<string>(StringComparer.Ordinal);
        try
        {
            await Eventually.HoldsAsync(async () =>
            {
                var probes = await gateway.ProbeAllAsync(before.Keys);
                var now = DateTime.UtcNow - from;
                var silent = probes.Where(p => p.Value.Count is null).Select(p => $"{p.Key}: {p.Value.Error}").ToList();
                errors.UnionWith(probes.Values.Select(p => p.Error).OfType<string>().Select(Shorten).Take(20));
                var behind = probes.Where(p => p.Value.Count < before[p.Key]).Select(p => $"{p.Key} {p.Value.Count}<{before[p.Key]}").ToList();
                atAll ??= silent.Count == 0 ? now : null;
                withData ??= silent.Count == 0 && behind.Count == 0 ? now : null;
                observed = $"{silent.Count} mints not answering [{string.Join(", ", silent.Take(2))}], " +
                    $"{behind.Count} answering with fewer events than before [{string.Join(",", behind.Take(3))}]";
                return (withData is not null, observed);
            }, timeout, $"every mint to answer through {gateway.Name}");
        }
        catch (TimeoutException)
        {
            // Reported through the nulls: the caller records the figures, then asserts.
        }

        return new Answering(atAll, withData, observed, errors);
    }

    /// <summary>Waits for the end of the stream, then compares every mint's events, candles and orders, every user's
    /// history and orders, and the catalog through every gateway with the truth: zero lost, zero duplicated (the broken
    /// property counts what differs). Returns the truth.</summary>
    public static async Task<Dictionary<string, List<JsonObject>>> CheckServesTruthAsync(this FailoverCluster cluster, FailoverFigures figures,
        MustHold verdict) => (await cluster.CompareWithTruthAsync(figures, verdict)).Truth;

    /// <summary>As <see cref="CheckServesTruthAsync"/>, returning also every gateway's last report, when the stream was
    /// found done and when the last comparison found every gateway exact (null when one never was).</summary>
    public static async Task<TruthCheck> CompareWithTruthAsync(this FailoverCluster cluster, FailoverFigures figures, MustHold verdict)
    {
        await cluster.WithTails(() => cluster.Simulator.WaitUntilDoneAsync(FailoverCluster.Patience));
        var streamDoneAt = DateTime.UtcNow;
        var truth = await cluster.Simulator.GetTruthAsync();
        var users = TruthUsers.Of(truth);
        figures.Step($"stream done: {truth.Count} mints, {truth.Sum(p => p.Value.Count)} events, {users.Histories.Count} users in the truth");
        var reports = new List<TruthReport>();
        foreach (var gateway in cluster.Gateways)
        {
            // The first gateway waits for the catch-up; the others read the same grains.
            var first = gateway == cluster.Gateways[0];
            var patience = first ? FailoverCluster.Patience : TimeSpan.FromSeconds(15);
            var waited = "";
            try
            {
                await Eventually.HoldsAsync(async () =>
                {
                    var counts = await gateway.ServedCountsAsync(truth.Keys);
                    var differ = counts.Where(c => c.Value != truth[c.Key].Count).Select(c => $"{c.Key}: {c.Value?.ToString() ?? "no answer"} of {truth[c.Key].Count}").ToList();
                    return (differ.Count == 0, $"{differ.Count} mints differ in count: {string.Join(", ", differ.Take(5))}");
                }, patience, $"every mint's event count through {gateway.Name} to equal the truth");
            }
            catch (TimeoutException ex)
            {
                waited = $"{Environment.NewLine}  ({ex.Message})";
            }

            var report = await CompareUntilExactAsync(gateway, truth, users, figures, first ? FollowerPatience : TimeSpan.FromSeconds(15));
            reports.Add(report);
            // The examples go with the broken property only, so that a failure prints them once per gateway.
            figures.Step(report.Summary);
            verdict.Check(report.Exact, $"served data differs from the truth: {report}{waited}");
            verdict.Check(report.OpenOrders > 0, "no mint of the truth has an open order; the order comparison proved nothing");
            verdict.Check(report.UserOpenOrders > 0, "no user of the truth has an open order; the users' order comparison proved nothing");
        }

        return new TruthCheck(truth, reports, streamDoneAt, reports.All(r => r.Exact) ? DateTime.UtcNow : null);
    }

    // The users' histories and the catalog follow the mints' logs and may trail them: the whole comparison is repeated
    // until it is exact or the patience is spent, and the last one says what still differs.
    private static async Task<TruthReport> CompareUntilExactAsync(ClusterGateway gateway, Dictionary<string, List<JsonObject>> truth,
        TruthUsers users, FailoverFigures figures, TimeSpan patience)
    {
        var reports = new List<TruthReport>();
        try
        {
            await Eventually.HoldsAsync(async () =>
            {
                reports.Add(await TruthComparison.CompareAsync(gateway, truth, users));
                return (reports[^1].Exact, reports[^1].Summary);
            }, patience, $"everything served through {gateway.Name} to equal the truth");
        }
        catch (TimeoutException)
        {
            // Reported by the caller through the last report.
        }

        if (reports.Count > 1)
        {
            figures.Step($"{gateway.Name}: {reports.Count} comparisons in {patience.TotalSeconds} s at most; the first found {reports[0].Summary}");
        }

        return reports.Count > 0 ? reports[^1] : throw new TimeoutException($"no comparison through {gateway.Name} ran within {patience}");
    }

    // Errors repeat with different mints and message ids: the first words say what kind they are.
    private static string Shorten(string error) => string.Join(' ', error.Split(' ').Take(14));

    private static async Task<Probe> ProbeAsync(ClusterGateway gateway, string mint)
    {
        try
        {
            using var response = await gateway.Probe.GetAsync($"api/events?mint={mint}&limit=1");
            var text = await response.Content.ReadAsStringAsync();
            if (!response.IsSuccessStatusCode)
            {
                return new Probe(null, $"HTTP {(int)response.StatusCode} {text[..Math.Min(text.Length, 200)]}");
            }

            return new Probe(JsonNode.Parse(text)?["data"]?["total"]?.GetValue<long>(), null);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or JsonException)
        {
            return new Probe(null, ex is TaskCanceledException ? $"no answer within {gateway.Probe.Timeout.TotalSeconds} s" : ex.Message);
        }
    }
}
