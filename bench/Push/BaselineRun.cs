using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Spin.Gateway.Tests.Infrastructure;

namespace Spin.Bench.Push;

/// <summary>One run against the baseline: the same simulator stream (same seed and options), a bare SignalR hub in a
/// separate process, and the bench forwarding each notification it receives as the product's recorded messages for
/// that transaction; the same clients join the mints' groups.</summary>
public static class BaselineRun
{
    /// <summary>Runs, measures and verifies against the recorded messages.</summary>
    public static async Task<RunResult> RunAsync(PushBenchOptions options, int run, MessageBook book)
    {
        Console.WriteLine($"baseline run {run}");
        await using var simulator = await SimulatorProcess.StartAsync(options.SimulatorArguments());
        var mints = await options.MintsAsync(simulator);
        var url = $"http://127.0.0.1:{FreePort.Get()}";
        await using var server = TestProcess.Start("baseline", typeof(BaselineHub).Assembly.Location, [BaselineHost.Command, "--urls", url]);
        await WaitUntilAliveAsync(server, url);
        var hub = new Uri(new Uri(url), "hubs/market");
        await using var publisher = Connect(hub);
        await publisher.StartAsync();
        await using var emits = await EmitClock.StartAsync(simulator.WsUrl, PushBenchOptions.ProgramId, e => ForwardAsync(publisher, book, e));
        await using var fleet = await ClientFleet.ConnectAsync(hub, options.Clients, mints, options.MintsPerClient, emits, null, JoinAsync);
        var pids = new Dictionary<string, int?>
        {
            ["simulator"] = CpuSampler.FindProcess("Spin.ChainSimulator.dll", $"--port {simulator.Port} "),
            ["hub"] = CpuSampler.FindProcess("Spin.Bench.Push.dll", BaselineHost.Command, url),
            ["bench"] = Environment.ProcessId,
        };
        await WaitForSlotAsync(emits, book.MinSlot);
        var window = await MeasuredWindow.MeasureAsync(fleet, options.Seconds, pids);
        fleet.Freeze();
        var lastSlot = emits.Between(window.From, window.To).Select(e => e.Slot).DefaultIfEmpty().Max();
        var problem = lastSlot > book.MaxSlot
            ? $"the window reached slot {lastSlot}, past the recorded messages (slot {book.MaxSlot}); lengthen the product run"
            : null;
        return RunVerifier.Verify("baseline", run, fleet, emits, book.Index, window, problem);
    }

    // The recorded messages start where the product's clients subscribed: the window starts no earlier in the chain.
    private static Task WaitForSlotAsync(EmitClock emits, ulong slot) => Eventually.HoldsAsync(
        () => Task.FromResult((emits.LastSlot >= slot, $"slot {emits.LastSlot} of {slot}")), TimeSpan.FromMinutes(5), $"the stream to reach slot {slot}");

    private static HubConnection Connect(Uri hub) => new HubConnectionBuilder()
        .WithUrl(hub, HttpTransportType.WebSockets, o => o.SkipNegotiation = true)
        .AddJsonProtocol(json => json.PayloadSerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower)
        .Build();

    private static async Task ForwardAsync(HubConnection publisher, MessageBook book, Emission emission)
    {
        foreach (var entry in book.Of(emission.Signature))
        {
            await publisher.SendAsync(nameof(BaselineHub.Publish), entry.Mint, entry.Seq, entry.Event);
        }
    }

    private static async Task<long?> JoinAsync(HubConnection connection, string mint)
    {
        await connection.InvokeAsync(nameof(BaselineHub.Join), mint);
        return null;
    }

    private static async Task WaitUntilAliveAsync(TestProcess server, string url)
    {
        using var http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(5) };
        await Eventually.HoldsAsync(async () =>
        {
            if (server.HasExited)
            {
                throw new InvalidOperationException($"The baseline hub exited:{Environment.NewLine}{server.Tail()}");
            }

            using var response = await http.GetAsync("alive");
            return (response.IsSuccessStatusCode, response.StatusCode.ToString());
        }, TimeSpan.FromSeconds(60), "the baseline hub to answer /alive");
    }
}
