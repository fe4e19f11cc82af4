using System.Diagnostics;
using Spin.Gateway.Tests.Infrastructure;

namespace Spin.Bench.Memory;

/// <summary>The run: an empty product measured first, then a product that indexes the simulator's prefill of N mints,
/// checked against the truth and measured, then left alone until its idle grains are deactivated and measured again.</summary>
public static class MemoryRun
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(30);

    /// <summary>The grain types the product activates per mint (each event's payer is a user grain).</summary>
    public static readonly string[] PerMintGrainTypes = ["mint", "user"];

    /// <summary>Runs it; failed checks are added to <paramref name="failures"/>, the measurements are kept.</summary>
    public static async Task<MemoryMeasurement> RunAsync(MemoryOptions o, List<string> failures)
    {
        // The prefill is produced while the empty product is measured.
        var starting = SimulatorProcess.StartAsync("--seed", $"{o.Seed}", "--mints", $"{o.Mints}", "--prefill", $"{o.Prefill}", "--transactions", "0");
        MemorySnapshot empty;
        try
        {
            empty = await MeasureEmptyAsync(o);
        }
        catch
        {
            await (await starting).DisposeAsync();
            throw;
        }

        await using var simulator = await starting;
        var events = (await simulator.GetStatusAsync())["events"]!.GetValue<long>();
        var data = Directory.CreateTempSubdirectory("spin-bench-memory-");
        try
        {
            await using var product = await StartProductAsync(simulator, data.FullName, o);
            var clock = Stopwatch.StartNew();
            await WaitForEventsAsync(product, events);
            var indexing = clock.Elapsed;
            var truth = await TruthCounts.ReadAsync(simulator.RpcUrl);
            failures.AddRange(await IndexCheck.RunAsync(product, truth, o));
            var indexed = await MemorySnapshot.TakeAsync(product);
            clock.Restart();
            var idle = await WaitForIdleAsync(product, o, failures);
            return new MemoryMeasurement(empty, indexed, idle, truth.Count, events, indexing, idle is null ? null : clock.Elapsed);
        }
        finally
        {
            data.Delete(recursive: true);
        }
    }

    private static async Task<MemorySnapshot> MeasureEmptyAsync(MemoryOptions o)
    {
        await using var simulator = await SimulatorProcess.StartAsync("--seed", $"{o.Seed}", "--mints", "1", "--prefill", "0", "--transactions", "0");
        var data = Directory.CreateTempSubdirectory("spin-bench-memory-");
        try
        {
            await using var product = await StartProductAsync(simulator, data.FullName, o);
            await Eventually.HoldsAsync(async () =>
            {
                var status = (await product.GetJsonAsync("api/events/status"))["data"]!;
                var connected = status["connection_status"]!.GetValue<string>() == "Connected" && status["is_running"]!.GetValue<bool>();
                return (connected, status.ToJsonString());
            }, TimeSpan.FromMinutes(2), "the empty product's listener to connect");
            // The catalog shards every product activates to answer /api/mints.
            await product.GetJsonAsync("api/mints?limit=1");
            return await MemorySnapshot.TakeAsync(product);
        }
        finally
        {
            data.Delete(recursive: true);
        }
    }

    private static Task<GatewayProcess> StartProductAsync(SimulatorProcess simulator, string data, MemoryOptions o) =>
        GatewayProcess.StartAsync(simulator, data, "--Spin:Grains:CollectionAge", o.CollectionAge.ToString("c"));

    private static Task WaitForEventsAsync(GatewayProcess product, long events) => Eventually.HoldsAsync(async () =>
    {
        var processed = (await product.GetJsonAsync("api/events/status"))["data"]!["total_events_processed"]!.GetValue<long>();
        return (processed >= events, $"{processed} of {events} events");
    }, Patience, "the product to index every event of the prefill");

    // Nothing calls the grains any more: Orleans deactivates them one to two collection ages after their last call.
    private static async Task<MemorySnapshot?> WaitForIdleAsync(GatewayProcess product, MemoryOptions o, List<string> failures)
    {
        var timeout = (3 * o.CollectionAge) + TimeSpan.FromMinutes(2);
        try
        {
            await Eventually.HoldsAsync(async () =>
            {
                var snapshot = await MemorySnapshot.TakeAsync(product);
                var left = PerMintGrainTypes.Sum(snapshot.ActivationsOf);
                return (left == 0, $"{left:N0} mint and user activations");
            }, timeout, "the idle mint and user grains to be deactivated");
            return await MemorySnapshot.TakeAsync(product);
        }
        catch (TimeoutException ex)
        {
            failures.Add($"grains do not deactivate when idle: {ex.Message}");
            return null;
        }
    }
}
