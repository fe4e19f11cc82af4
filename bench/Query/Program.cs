using Spin.Bench.Query;
using Spin.Gateway.Tests.Infrastructure;

// Measures query latency at a fixed offered rate: an open-loop load generator (this process) sends a mix of
// /api/events, /api/kline, /api/mint_orders, /api/details and /api/mints requests to the standalone Gateway (its own
// process, populated by backfilling a finished simulator chain), then the same requests at the same rate to a bare
// Kestrel process answering the same bytes from memory. Every answer must be 200 and equal the first answer's bytes.
// Usage (from the repository root, after dotnet build -c Release bench/Query):
//   dotnet bench/Query/bin/Release/net10.0/Spin.Bench.Query.dll [--transactions 20000] [--mints 50] [--rate 5000]
//     [--seconds 30] [--warmup 5] [--runs 3] [--no-baseline] [--inject-failure] [--json result.json]
if (args.FirstOrDefault() == BaselineServer.Command)
{
    await BaselineServer.RunAsync(args);
    return 0;
}

var options = QueryOptions.Parse(args);
var failures = new List<string>();
var data = Directory.CreateTempSubdirectory("spin-query-");
try
{
    await using var simulator = await SimulatorProcess.StartAsync(
        "--seed", "41", "--mints", $"{options.Mints}", "--prefill", $"{options.Transactions}", "--transactions", "0");
    await simulator.WaitUntilDoneAsync(TimeSpan.FromMinutes(5));
    var truth = await simulator.GetTruthAsync();
    await using var gateway = await GatewayProcess.StartAsync(simulator, data.FullName);
    await gateway.WaitForEventCountsAsync(truth, TimeSpan.FromMinutes(10));
    using var productHttp = QueryHttp.Create(gateway.Http.BaseAddress!.ToString());
    var mix = await QueryTargets.BuildAsync(productHttp, truth, failures);
    if (options.InjectFailure)
    {
        mix[0].Expected = [.. mix[0].Expected, (byte)' '];
    }

    await using var baseline = options.Baseline ? await BaselineServer.StartAsync(mix, data.FullName) : null;
    var product = new List<WindowResult>();
    var bare = new List<WindowResult>();
    for (var run = 1; run <= options.Runs; run++)
    {
        product.Add(await RunWindowAsync(productHttp, mix, "product", run));
        if (baseline is not null)
        {
            bare.Add(await RunWindowAsync(baseline.Http, mix, "baseline", run));
        }
    }

    var result = QueryReport.Result(options, truth.Values.Sum(e => e.Count), product, bare, failures);
    result.Notes.ToList().ForEach(Console.WriteLine);
    result.SaveIfAsked(args);
    return result.Passed ? 0 : 1;
}
finally
{
    data.Delete(recursive: true);
}

async Task<WindowResult> RunWindowAsync(HttpClient http, IReadOnlyList<QueryRequest> mix, string system, int run)
{
    var window = await new OpenLoop(http, mix).RunAsync(options.Rate,
        TimeSpan.FromSeconds(options.WarmupSeconds), TimeSpan.FromSeconds(options.Seconds));
    Console.WriteLine($"run {run} {system}: {QueryReport.Describe(window)}");
    return window;
}
