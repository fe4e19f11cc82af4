using System.Diagnostics;

namespace Spin.Bench.Paging;

/// <summary>Median and 99th percentile of a series of request latencies, in milliseconds.</summary>
public sealed record Latency(double MedianMs, double P99Ms);

/// <summary>The latencies of a case's first page and (if it has one) its last page.</summary>
public sealed record CaseResult(PageCase Case, Latency First, Latency? Last);

/// <summary>Times sequential requests from the client's side (request sent to body read), first and last page
/// interleaved so that noise on the shared cores falls on both alike.</summary>
public static class LatencyProbe
{
    /// <summary>Warms up, then times <paramref name="requests"/> requests of each page.</summary>
    public static async Task<CaseResult> MeasureAsync(HttpClient http, PageCase pageCase, int warmup, int requests)
    {
        var first = new List<double>(requests);
        var last = new List<double>(requests);
        for (var i = 0; i < warmup + requests; i++)
        {
            var firstMs = await TimeAsync(http, pageCase.FirstUrl);
            var lastMs = pageCase.LastUrl is { } url ? await TimeAsync(http, url) : 0;
            if (i >= warmup)
            {
                first.Add(firstMs);
                last.Add(lastMs);
            }
        }

        return new CaseResult(pageCase, Summarize(first), pageCase.LastUrl is null ? null : Summarize(last));
    }

    private static async Task<double> TimeAsync(HttpClient http, string url)
    {
        var clock = Stopwatch.StartNew();
        using var response = await http.GetAsync(url, HttpCompletionOption.ResponseContentRead);
        var elapsed = clock.Elapsed.TotalMilliseconds;
        response.EnsureSuccessStatusCode();
        return elapsed;
    }

    private static Latency Summarize(List<double> samples)
    {
        var sorted = samples.Order().ToList();
        var median = sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
        // Nearest rank: the smallest sample with at least 99% of the samples at or below it.
        var p99 = sorted[(int)Math.Ceiling(0.99 * sorted.Count) - 1];
        return new Latency(median, p99);
    }
}
