using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Spin.Gateway.Tests.Infrastructure;

namespace Spin.Bench.Push;

/// <summary>One run against the product: the simulator streaming, the standalone Gateway (co-hosted silo, RocksDB)
/// indexing it, and the clients subscribed to <c>/hubs/market</c> with <c>SubscribeEvents</c> from the current
/// sequence number (no history). Checked against the simulator's ground truth.</summary>
public static class ProductRun
{
    private const double SettledLagMs = 500;
    private static readonly TimeSpan BookTail = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan SettleTimeout = TimeSpan.FromMinutes(3);

    /// <summary>Runs, measures and verifies; the messages received are recorded into <paramref name="book"/>.</summary>
    public static async Task<RunResult> RunAsync(PushBenchOptions options, int run, MessageBook book)
    {
        Console.WriteLine($"product run {run}");
        await using var simulator = await SimulatorProcess.StartAsync(options.SimulatorArguments());
        var mints = await options.MintsAsync(simulator);
        var data = Directory.CreateTempSubdirectory("spin-push-");
        try
        {
            await using var gateway = await GatewayProcess.StartAsync(simulator, data.FullName);
            await WaitUntilCaughtUpAsync(simulator, gateway);
            await using var emits = await EmitClock.StartAsync(simulator.WsUrl, PushBenchOptions.ProgramId);
            await using var fleet = await ClientFleet.ConnectAsync(new Uri(gateway.Http.BaseAddress!, "hubs/market"), options.Clients, mints,
                options.MintsPerClient, emits, book, SubscribeAsync);
            var pids = new Dictionary<string, int?>
            {
                ["simulator"] = CpuSampler.FindProcess("Spin.ChainSimulator.dll", $"--port {simulator.Port} "),
                ["gateway"] = CpuSampler.FindProcess("Spin.Gateway.dll", $"--urls {gateway.Http.BaseAddress!.ToString().TrimEnd('/')} "),
                ["bench"] = Environment.ProcessId,
            };
            await using var probe = ProductProbe.Start(gateway, emits);
            var settled = await probe.SettleAsync(SettledLagMs, SettleTimeout);
            probe.MarkWindowStart();
            var window = await MeasuredWindow.MeasureAsync(fleet, options.Seconds, pids);
            var diagnosis = (settled is { } t ? $"caught up with the chain {t.TotalSeconds:F0} s after the last subscription"
                : $"NOT caught up with the chain {SettleTimeout.TotalSeconds:F0} s after the last subscription") + $"; {await probe.StopAsync()}";
            // Recorded a little past the window, so the baseline's window (which starts a little later in the chain) is covered.
            await Task.Delay(BookTail);
            fleet.Freeze();
            var truth = await ChainTruth.LoadAsync(simulator.RpcUrl);
            return RunVerifier.Verify("product", run, fleet, emits, truth, window, null) with { Diagnosis = diagnosis };
        }
        finally
        {
            data.Delete(recursive: true);
        }
    }

    private static async Task<long?> SubscribeAsync(HubConnection connection, string mint)
    {
        var ack = await connection.InvokeAsync<JsonElement>("SubscribeEvents", new { mint, since = (long?)null, history = 0 });
        return ack.GetProperty("seq").GetInt64();
    }

    // The backfill of the prefill is not what is measured: start the clients once the product has caught up.
    private static async Task WaitUntilCaughtUpAsync(SimulatorProcess simulator, GatewayProcess gateway)
    {
        var emitted = (await simulator.GetStatusAsync())["events"]!.GetValue<long>();
        await Eventually.HoldsAsync(async () =>
        {
            var processed = (await gateway.GetJsonAsync("api/events/status"))["data"]!["total_events_processed"]!.GetValue<long>();
            return (processed >= emitted, $"{processed} of {emitted}");
        }, TimeSpan.FromMinutes(2), "the product to catch up with the chain");
    }
}
