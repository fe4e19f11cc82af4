namespace Spin.Bench.Push;

/// <summary>The figures this bench hands the harness (<c>--json</c>): p50 and p99 from emission to receipt, the product's
/// checked runs against the bare hub's checked runs of the same run numbers.</summary>
public static class PushFigures
{
    /// <summary>The p99 the product must stay under (issue 7).</summary>
    public const double TargetP99Ms = 50;

    /// <summary>Builds the result; a run that failed its delivery check is a failure and leaves no figure.</summary>
    public static BenchResult Result(PushBenchOptions o, IReadOnlyList<RunResult> results)
    {
        var pairs = results.Where(r => r.System == "product" && r.Valid)
            .Select(p => (Product: p, Base: results.FirstOrDefault(b => b.System == "baseline" && b.Run == p.Run && b.Valid)))
            .ToList();
        var paired = pairs.Where(p => p.Base is not null).ToList();
        List<double> Product(Func<LatencySummary, double> pick) => (paired.Count > 0 ? paired.Select(p => p.Product) : pairs.Select(p => p.Product)).Select(r => pick(r.Total)).ToList();
        List<double> Base(Func<LatencySummary, double> pick) => paired.Select(p => pick(p.Base!.Total)).ToList();
        var setup = $"{o.Clients:N0} clients, {o.Mints} mints ({o.MintsPerClient} per client), {o.EventsPerSecond:N0} events/s, a {o.Seconds} s " +
            $"window, runs: {o.Runs}; emission (simulator) to receipt (SignalR client)";
        return new BenchResult("push", setup,
        [
            new BenchFigure("emit → receipt p50", "ms", Product(l => l.P50), Base(l => l.P50), "bare SignalR hub, same messages", HigherIsBetter: false),
            new BenchFigure("emit → receipt p99", "ms", Product(l => l.P99), Base(l => l.P99), "bare SignalR hub, same messages", HigherIsBetter: false,
                TargetP99Ms),
        ],
        results.Select(r => $"run {r.Run} {r.System}: {r.Delivered:N0} of {r.Expected:N0} delivered, p50 {r.Total.P50:F1} ms, p99 {r.Total.P99:F1} ms").ToList(),
        results.Where(r => !r.Valid).Select(r => $"{r.System} run {r.Run}: {r.Violations} violations, {r.Expected - r.Delivered} of {r.Expected} missing" +
            (r.Problem is null ? "" : $", {r.Problem}")).ToList());
    }
}
