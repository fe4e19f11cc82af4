using System.Diagnostics;
using System.Globalization;
using Spin.Gateway.Tests.Infrastructure;

// Measures ingest throughput of the standalone product against the chain simulator, as real processes.
//   backfill: the simulator pre-produces N transactions; the product starts afterwards and backfills them all.
//   live:     the product runs first; the simulator streams N transactions at a high rate.
// Each run checks the result against the simulator's ground truth (event counts per mint) before reporting.
// Usage: dotnet run -c Release --project bench/Ingest -- [--transactions 20000] [--mints 50] [--runs 3] [--rate 5000]
var options = BenchOptions.Parse(args);
var backfill = new List<double>();
var live = new List<double>();
for (var run = 1; run <= options.Runs; run++)
{
    backfill.Add(await Runs.BackfillAsync(options, run));
    live.Add(await Runs.LiveAsync(options, run));
    Console.WriteLine($"run {run}: backfill {backfill[^1]:F0} events/s, live {live[^1]:F0} events/s");
}

Console.WriteLine($"median backfill {Runs.Median(backfill):F0} events/s; median live {Runs.Median(live):F0} events/s " +
    $"({options.Transactions} transactions, {options.Mints} mints, {options.Runs} runs)");

internal sealed record BenchOptions(int Transactions, int Mints, int Runs, int Rate)
{
    public static BenchOptions Parse(string[] args)
    {
        int Get(string name, int fallback)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
        }

        return new BenchOptions(Get("--transactions", 20_000), Get("--mints", 50), Get("--runs", 3), Get("--rate", 5_000));
    }
}

internal static class Runs
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(10);

    public static async Task<double> BackfillAsync(BenchOptions o, int run)
    {
        await using var simulator = await SimulatorProcess.StartAsync(
            "--seed", $"{100 + run}", "--mints", $"{o.Mints}", "--prefill", $"{o.Transactions}", "--transactions", "0");
        await simulator.WaitUntilDoneAsync(Patience);
        var total = (await simulator.GetStatusAsync())["events"]!.GetValue<long>();
        var data = Directory.CreateTempSubdirectory("spin-bench-");
        try
        {
            await using var gateway = await GatewayProcess.StartAsync(simulator, data.FullName);
            var elapsed = await WaitForAllAsync(simulator, gateway, total, Stopwatch.StartNew());
            return total / elapsed.TotalSeconds;
        }
        finally
        {
            data.Delete(recursive: true);
        }
    }

    public static async Task<double> LiveAsync(BenchOptions o, int run)
    {
        await using var simulator = await SimulatorProcess.StartAsync(
            "--seed", $"{200 + run}", "--mints", $"{o.Mints}", "--transactions", $"{o.Transactions}", "--rate", $"{o.Rate}");
        var data = Directory.CreateTempSubdirectory("spin-bench-");
        try
        {
            await using var gateway = await GatewayProcess.StartAsync(simulator, data.FullName);
            var clock = Stopwatch.StartNew();
            await simulator.WaitUntilDoneAsync(Patience);
            var total = (await simulator.GetStatusAsync())["events"]!.GetValue<long>();
            var elapsed = await WaitForAllAsync(simulator, gateway, total, clock);
            return total / elapsed.TotalSeconds;
        }
        finally
        {
            data.Delete(recursive: true);
        }
    }

    public static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    // Waits on the product's own counter (one cheap request per poll), then checks every mint against the truth.
    private static async Task<TimeSpan> WaitForAllAsync(SimulatorProcess simulator, GatewayProcess gateway, long total, Stopwatch clock)
    {
        await Eventually.HoldsAsync(async () =>
        {
            var processed = (await gateway.GetJsonAsync("api/events/status"))["data"]!["total_events_processed"]!.GetValue<long>();
            return (processed >= total, $"{processed} of {total}");
        }, Patience, "the product to count every event");
        var elapsed = clock.Elapsed;
        var truth = await simulator.GetTruthAsync();
        await gateway.WaitForEventCountsAsync(truth, Patience);
        return elapsed;
    }
}
