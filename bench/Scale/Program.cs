using Spin.Bench;
using Spin.Bench.Scale;

// Measures the cluster mode with real processes on 127.0.0.1 and a real PostgreSQL (a fresh database per cluster):
//   scale-out: the same simulator stream ingested by 1, 2 ... N silo processes; events/s applied, N silos ÷ 1 silo.
//   recovery:  3 silos, the simulator streaming; a silo is SIGKILLed; seconds until every mint answers through the
//              gateway with the data it had before, and events lost or duplicated once the stream ends.
// Each measurement checks what the gateway serves against the simulator's ground truth (every event of every mint).
// Usage: dotnet bench/Scale/bin/Release/net10.0/Spin.Bench.Scale.dll [--transactions 5000] [--mints 20] [--rate 5000]
//   [--silos 3] [--runs 3] [--recovery-transactions 1200] [--recovery-rate 40] [--json result.json]
var options = ScaleOptions.Parse(args);
var scaleOut = new List<(int Run, ScaleOutResult Result)>();
var recoveries = new List<RecoveryResult>();
var failures = new List<string>();
for (var run = 1; run <= options.Runs; run++)
{
    for (var silos = 1; silos <= options.MaxSilos; silos++)
    {
        try
        {
            scaleOut.Add((run, await ScaleOutRun.RunAsync(options, silos, run)));
            Console.WriteLine($"run {run}, {scaleOut[^1].Result}");
        }
        catch (Exception ex) when (ex is TimeoutException or InvalidOperationException or HttpRequestException or TaskCanceledException)
        {
            failures.Add($"run {run}, {ScaleOutRun.Silos(silos)}: {ex.Message}");
            Console.Error.WriteLine($"run {run}, {ScaleOutRun.Silos(silos)} failed its check: {ex}");
        }
    }

    try
    {
        var recovery = await RecoveryRun.RunAsync(options, run);
        recoveries.Add(recovery);
        Console.WriteLine($"run {run}, recovery: {recovery}");
        failures.AddRange(RecoveryChecks(run, recovery));
    }
    catch (Exception ex) when (ex is TimeoutException or InvalidOperationException or HttpRequestException or TaskCanceledException)
    {
        failures.Add($"run {run}, recovery: {ex.Message}");
        Console.Error.WriteLine($"run {run}, recovery failed its check: {ex}");
    }
}

var result = ScaleReport.Result(options, scaleOut, recoveries, failures);
foreach (var figure in result.Figures)
{
    Console.WriteLine($"{figure.Name}: median {BenchFigure.Format(figure.ProductMedian)} {figure.Unit}; baseline " +
        $"{(figure.BaselineMedian is { } b ? BenchFigure.Format(b) : "n/a")}; ratio {figure.DescribeRatio()}; {figure.DescribeTarget()}");
}

result.SaveIfAsked(args);
return result.Passed ? 0 : 1;

// A recovery whose mints never answered again, or that lost or duplicated events, fails the bench.
static IEnumerable<string> RecoveryChecks(int run, RecoveryResult recovery)
{
    if (recovery.Answering.WithData is null)
    {
        yield return $"run {run}, recovery: not every mint answered with its data within {RecoveryRun.AnsweringLimit.TotalSeconds} s " +
            $"of the kill ({recovery.Answering.LastObserved})";
    }

    if (!recovery.Truth.Exact)
    {
        yield return $"run {run}, recovery: served data differs from the truth: {recovery.Truth}";
    }
}
