using Spin.Bench;
using Spin.Bench.Ingest;

// Measures ingest throughput of the standalone product against the chain simulator, as real processes, and against a
// bare RocksDB WriteBatch loop writing the same records in the same run.
//   backfill: the simulator pre-produces N transactions; the product starts afterwards and backfills them all.
//   live:     the product runs first; the simulator streams N transactions at a high rate.
//   baseline: the events the backfill stored, read back and written again by a bare loop (same keys, same values).
// Each run checks the result against the simulator's ground truth (event counts per mint) before reporting.
// Usage: dotnet bench/Ingest/bin/Release/net10.0/Spin.Bench.Ingest.dll [--transactions 20000] [--mints 50] [--runs 3]
//   [--rate 5000] [--json result.json]
var options = IngestOptions.Parse(args);
var runs = new List<IngestRun>();
var failures = new List<string>();
for (var run = 1; run <= options.Runs; run++)
{
    try
    {
        runs.Add(await IngestRuns.RunAsync(options, run));
        Console.WriteLine($"run {run}: {runs[^1]}");
    }
    catch (Exception ex) when (ex is TimeoutException or InvalidOperationException)
    {
        failures.Add($"run {run}: {ex.Message}");
        Console.Error.WriteLine($"run {run} failed its check: {ex}");
    }
}

var result = IngestReport.Result(options, runs, failures);
foreach (var figure in result.Figures)
{
    Console.WriteLine($"{figure.Name}: median {BenchFigure.Format(figure.ProductMedian)} {figure.Unit}; baseline " +
        $"{(figure.BaselineMedian is { } b ? BenchFigure.Format(b) : "n/a")}; ratio {figure.DescribeRatio()}; {figure.DescribeTarget()}");
}

result.SaveIfAsked(args);
return result.Passed ? 0 : 1;
