namespace Spin.Bench.Paging;

/// <summary>The figures this bench hands the harness (<c>--json</c>): for each case with a last page, the last page's
/// median latency against the first page's, timed interleaved in the same run (bounded paging: a ratio near 1).</summary>
public static class PagingFigures
{
    /// <summary>Builds the result; a wrong answer never gets here (the bench stops on it and exits non-zero).</summary>
    public static BenchResult Result(BenchRun run)
    {
        var figures = run.Results.Where(r => r.Last is not null).Select(r => new BenchFigure(
            $"{r.Case.Request}, {r.Case.LastLabel}", "ms, median", [r.Last!.MedianMs], [r.First.MedianMs], r.Case.FirstLabel, HigherIsBetter: false))
            .ToList();
        var setup = $"{run.Options.Mints:N0} mints, a hot mint of {run.Truth.HotEvents:N0} events; {run.Options.Requests} requests of each page " +
            $"after {run.Options.Warmup} warm-up, page size {run.Options.Limit}; every page checked against the ground truth first";
        var notes = run.Results.Select(r => $"{r.Case.Request}: {r.Case.FirstLabel} {r.First.MedianMs:F2}/{r.First.P99Ms:F2} ms" +
            (r.Last is { } last ? $", {r.Case.LastLabel} {last.MedianMs:F2}/{last.P99Ms:F2} ms (median/p99)" : " (median/p99)")).ToList();
        return new BenchResult("paging", setup, figures, notes, []);
    }
}
