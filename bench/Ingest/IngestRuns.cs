using System.Diagnostics;
using Spin.Gateway.Tests.Infrastructure;
using Spin.Grains.Interfaces.Events;

namespace Spin.Bench.Ingest;

/// <summary>The three measurements of a run: the product's backfill, the bare RocksDB loop over the events the backfill
/// stored, and the product's live ingest of a stream.</summary>
public static class IngestRuns
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(10);

    /// <summary>Runs backfill, baseline and live once; throws when the product's answer differs from the truth.</summary>
    public static async Task<IngestRun> RunAsync(IngestOptions options, int run)
    {
        var (total, backfill, stored) = await BackfillAsync(options, run);
        if (stored.Count != total)
        {
            throw new InvalidOperationException($"the product's store holds {stored.Count} events, the simulator produced {total}");
        }

        var baseline = RocksBaseline.Measure(stored, options.BaselineBatch);
        var (live, emit) = await LiveAsync(options, run);
        return new IngestRun(total, backfill, live, emit, baseline);
    }

    private static async Task<(long Total, double Rate, IReadOnlyList<MintEvent> Stored)> BackfillAsync(IngestOptions o, int run)
    {
        await using var simulator = await SimulatorProcess.StartAsync(
            "--seed", $"{100 + run}", "--mints", $"{o.Mints}", "--prefill", $"{o.Transactions}", "--transactions", "0");
        await simulator.WaitUntilDoneAsync(Patience);
        var total = (await simulator.GetStatusAsync())["events"]!.GetValue<long>();
        var data = Directory.CreateTempSubdirectory("spin-bench-");
        try
        {
            double rate;
            await using (var gateway = await GatewayProcess.StartAsync(simulator, data.FullName))
            {
                var elapsed = await WaitForAllAsync(simulator, gateway, total, Stopwatch.StartNew());
                rate = total / elapsed.TotalSeconds;
            }

            // The product is stopped (killed) now, so its store can be opened and its records read back.
            return (total, rate, RocksBaseline.ReadBack(data.FullName));
        }
        finally
        {
            data.Delete(recursive: true);
        }
    }

    private static async Task<(double Live, double Emit)> LiveAsync(IngestOptions o, int run)
    {
        await using var simulator = await SimulatorProcess.StartAsync(
            "--seed", $"{200 + run}", "--mints", $"{o.Mints}", "--transactions", $"{o.Transactions}", "--rate", $"{o.Rate}");
        var data = Directory.CreateTempSubdirectory("spin-bench-");
        try
        {
            await using var gateway = await GatewayProcess.StartAsync(simulator, data.FullName);
            var clock = Stopwatch.StartNew();
            await simulator.WaitUntilDoneAsync(Patience);
            var emitted = clock.Elapsed;
            var total = (await simulator.GetStatusAsync())["events"]!.GetValue<long>();
            var elapsed = await WaitForAllAsync(simulator, gateway, total, clock);
            return (total / elapsed.TotalSeconds, total / emitted.TotalSeconds);
        }
        finally
        {
            data.Delete(recursive: true);
        }
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

/// <summary>A stored event with its mint's 32 key bytes, as the product's event log keys it.</summary>
public sealed record MintEvent(byte[] Mint, ChainEvent Event);
