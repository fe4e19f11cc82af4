using System.Globalization;

namespace Spin.Bench.Query;

/// <summary>The figures this bench hands the harness: p50 and p99 per endpoint, product against the bare Kestrel
/// baseline in the same run.</summary>
public static class QueryReport
{
    /// <summary>The p99 every endpoint must stay under at the full rate (issue 7).</summary>
    public const double TargetP99Ms = 10;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Builds the result; any wrong answer in any window is a failure.</summary>
    public static BenchResult Result(QueryOptions o, int events, IReadOnlyList<WindowResult> product, IReadOnlyList<WindowResult> baseline,
        IReadOnlyList<string> failures)
    {
        var figures = new List<BenchFigure>();
        foreach (var endpoint in QueryTargets.Endpoints)
        {
            List<double> Pick(IReadOnlyList<WindowResult> windows, Func<EndpointLatency, double> value) =>
                windows.Select(w => value(w.Endpoints.Single(e => e.Endpoint == endpoint))).ToList();
            figures.Add(new BenchFigure($"`{endpoint}` p50", "ms", Pick(product, e => e.P50), Pick(baseline, e => e.P50), "bare Kestrel, same bytes",
                HigherIsBetter: false));
            figures.Add(new BenchFigure($"`{endpoint}` p99", "ms", Pick(product, e => e.P99), Pick(baseline, e => e.P99), "bare Kestrel, same bytes",
                HigherIsBetter: false, TargetP99Ms));
        }

        var notes = product.Select((w, i) => $"run {i + 1} product: {Describe(w)}")
            .Concat(baseline.Select((w, i) => $"run {i + 1} baseline: {Describe(w)}")).ToList();
        var wrong = product.Concat(baseline).SelectMany(w => w.Wrong).Distinct().ToList();
        var setup = $"{o.Rate:N0} requests/s offered (open loop, the five endpoints in turn, {o.Rate / 5:N0}/s each), {o.WarmupSeconds} s warm-up " +
            $"then a {o.Seconds} s window, runs: {o.Runs}; data: {o.Transactions:N0} simulator transactions ({events:N0} events) over {o.Mints} mints";
        return new BenchResult("query", setup, figures, notes, [.. failures, .. wrong]);
    }

    /// <summary>One window in a line: the answered rate, p50/p99 per endpoint, failures and the load average.</summary>
    public static string Describe(WindowResult w) =>
        $"{w.AnsweredPerSecond.ToString("N0", Invariant)} answers/s; " +
        string.Join("; ", w.Endpoints.Select(e => $"{e.Endpoint} {Ms(e.P50)}/{Ms(e.P99)}/{Ms(e.Max)} ms (p50/p99/max)")) +
        $"; {w.Wrong.Count} kinds of wrong answer, {w.Unanswered} unanswered; load average {w.LoadBefore}/{w.LoadAfter}";

    private static string Ms(double value) => value.ToString("F2", Invariant);
}
