namespace Spin.Bench.Query;

/// <summary>Percentiles of one endpoint's latencies in a window (ms, nearest rank).</summary>
public sealed record EndpointLatency(string Endpoint, int Count, double P50, double P99, double Max);

/// <summary>What one measured window gave: latencies per endpoint, the rate the answers came back at, the requests
/// answered wrongly (status or bytes) and those not answered at all, and the load average around it.</summary>
public sealed record WindowResult(IReadOnlyList<EndpointLatency> Endpoints, double AnsweredPerSecond, IReadOnlyList<string> Wrong,
    int Unanswered, string LoadBefore, string LoadAfter)
{
    /// <summary>The prefix of an outcome that is a failure to answer (a timeout or a refused connection), not a wrong answer.</summary>
    public const string NoAnswer = "no answer: ";

    /// <summary>Summarizes the latencies after the warm-up (index ≥ <paramref name="skip"/>) and every answer's check.</summary>
    public static WindowResult Of(IReadOnlyList<QueryRequest> mix, long skip, double[] latencies, string?[] outcomes, double answeredPerSecond,
        string loadBefore, string loadAfter)
    {
        var measured = Enumerable.Range((int)skip, latencies.Length - (int)skip).ToList();
        var endpoints = QueryTargets.Endpoints.Select(endpoint =>
        {
            var sorted = measured.Where(i => mix[i % mix.Count].Endpoint == endpoint).Select(i => latencies[i]).Order().ToList();
            return new EndpointLatency(endpoint, sorted.Count, Stats.Percentile(sorted, 0.50), Stats.Percentile(sorted, 0.99),
                sorted.Count == 0 ? double.NaN : sorted[^1]);
        }).ToList();
        // Every answer is checked, the warm-up's too.
        var wrong = Enumerable.Range(0, outcomes.Length).Where(i => outcomes[i] is { } o && !o.StartsWith(NoAnswer, StringComparison.Ordinal))
            .GroupBy(i => $"{mix[i % mix.Count].Key}: {outcomes[i]}").Select(g => $"{g.Count()} × {g.Key}").ToList();
        var unanswered = measured.Count(i => outcomes[i]?.StartsWith(NoAnswer, StringComparison.Ordinal) == true);
        return new WindowResult(endpoints, answeredPerSecond, wrong, unanswered, loadBefore, loadAfter);
    }
}
