using Spin.Bench.Paging;
using Spin.Gateway.Tests.Infrastructure;

// Measures whether a page costs the same wherever it lies: the first and the last page of /api/mints, /api/events and
// /api/kline over a large data set, answered by the real Gateway process, checked, then timed.
// Usage (from the repository root, after dotnet build -c Release bench/Paging):
//   dotnet bench/Paging/bin/Release/net10.0/Spin.Bench.Paging.dll [--mints 100000] [--events 100000] [--requests 300]
//     [--warmup 30] [--limit 100] [--concurrency 64] [--write docs/benchmarks.md] [--json result.json]
var options = PagingOptions.Parse(args);
var chain = SyntheticChain.Create(options.Mints, options.Events);
var truth = new GroundTruth(chain);
var data = Directory.CreateTempSubdirectory("spin-paging-");
try
{
    var population = await Population.RunAsync(chain, data.FullName, options.Concurrency);
    await using var gateway = await GatewayProcess.StartAsync("http://127.0.0.1:9", "ws://127.0.0.1:9", data.FullName,
        "--Spin:Chain:ListenerEnabled", "false", "--Spin:Metadata:Enabled", "false");
    var cases = await PageCases.BuildAsync(gateway.Http, chain, truth, options.Limit);
    var loadBefore = BenchReport.LoadAverage();
    var results = new List<CaseResult>();
    foreach (var pageCase in cases)
    {
        results.Add(await LatencyProbe.MeasureAsync(gateway.Http, pageCase, options.Warmup, options.Requests));
    }

    var run = new BenchRun(args, options, chain, truth, population, results, loadBefore, BenchReport.LoadAverage());
    var report = BenchReport.Render(run);
    Console.WriteLine(report);
    if (options.WritePath is { } path)
    {
        BenchReport.WriteSection(path, report);
    }

    PagingFigures.Result(run).SaveIfAsked(args);
}
finally
{
    data.Delete(recursive: true);
}
