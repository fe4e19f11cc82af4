using Spin.Bench;
using Spin.Bench.Memory;

// Measures the standalone product's memory with N mints indexed, and whether its grains deactivate when idle:
//   empty:   a product process with nothing to index, once its listener is connected (the baseline);
//   indexed: a product process that indexed the simulator's prefill of N mints, right after every event was counted
//            and a sample of mints checked against the truth (RSS, peak RSS, GC heap, grain activations);
//   idle:    the same process once Orleans deactivated its idle mint and user grains (short collection age).
// Usage: dotnet bench/Memory/bin/Release/net10.0/Spin.Bench.Memory.dll [--mints 100000] [--transactions-per-mint 6]
//   [--sample 200] [--collection-age 20] [--seed 71] [--json result.json]
var options = MemoryOptions.Parse(args);
var failures = new List<string>();
MemoryMeasurement? measurement = null;
try
{
    measurement = await MemoryRun.RunAsync(options, failures);
}
catch (Exception ex) when (ex is TimeoutException or InvalidOperationException or HttpRequestException)
{
    failures.Add(ex.Message);
    Console.Error.WriteLine($"the run failed: {ex}");
}

var result = MemoryReport.Result(options, measurement, failures);
foreach (var note in result.Notes)
{
    Console.WriteLine(note);
}

foreach (var figure in result.Figures)
{
    Console.WriteLine($"{figure.Name}: {BenchFigure.Format(figure.ProductMedian)} {figure.Unit}; baseline " +
        $"{(figure.BaselineMedian is { } b ? BenchFigure.Format(b) : "n/a")}; ratio {figure.DescribeRatio()}");
}

foreach (var failure in failures)
{
    Console.WriteLine($"FAILED CHECK: {failure}");
}

result.SaveIfAsked(args);
return result.Passed ? 0 : 1;
