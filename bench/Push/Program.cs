using Spin.Bench.Push;

// Measures the live push latency: chain simulator emission to SignalR client receipt, through the real product
// (simulator → Gateway with its co-hosted silo → /hubs/market → clients), and through a bare SignalR hub fed the same
// messages at the same rate, with the same clients. Every delivery is checked before a figure is reported.
// Usage (from the repository root, after dotnet build -c Release bench/Push):
//   dotnet bench/Push/bin/Release/net10.0/Spin.Bench.Push.dll [--clients 1000] [--mints 50] [--mints-per-client 1]
//     [--events-per-second 1000] [--seconds 60] [--runs 3] [--quick] [--no-baseline] [--write docs/benchmarks.md] [--json result.json]
if (args.FirstOrDefault() == BaselineHost.Command)
{
    await BaselineHost.RunAsync(args);
    return 0;
}

var options = PushBenchOptions.Parse(args);
var book = new MessageBook();
var results = new List<RunResult>();
for (var run = 1; run <= options.Runs; run++)
{
    results.Add(await ProductRun.RunAsync(options, run, book));
    Console.WriteLine(results[^1]);
    if (options.Baseline)
    {
        results.Add(await BaselineRun.RunAsync(options, run, book));
        Console.WriteLine(results[^1]);
    }
}

var report = PushReport.Render(args, options, results);
Console.WriteLine(report);
if (options.WritePath is { } path)
{
    PushReport.WriteSection(path, report);
}

PushFigures.Result(options, results).SaveIfAsked(args);
return results.All(r => r.Valid) ? 0 : 1;
