using Spin.Gateway.Tests.Infrastructure;

namespace Spin.Gateway.Tests.EndToEnd;

/// <summary>A dead RPC node is never fatal: the product serves what it has, keeps retrying, and catches up.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class DeadNodeTests
{
    [Fact]
    public async Task ServesAndKeepsRetryingWhileTheNodeIsDownThenCatchesUp()
    {
        using var data = new TempDirectory();
        var port = FreePort.Get(pairWithNext: true);
        await using var gateway = await GatewayProcess.StartAsync($"http://127.0.0.1:{port}", $"ws://127.0.0.1:{port + 1}", data.Path,
            "--Spin:Chain:ReconcileInterval", "00:00:00.500");
        var before = await gateway.GetJsonAsync("api/events/status");
        Assert.Equal("Disconnected", before["data"]!["connection_status"]!.GetValue<string>());
        Assert.False(gateway.Process.HasExited);

        await using var simulator = await SimulatorProcess.StartOnAsync(port, "--seed", "21", "--mints", "10", "--prefill", "400", "--transactions", "100", "--rate", "100");
        await simulator.WaitUntilDoneAsync(TimeSpan.FromMinutes(2));

        var truth = await simulator.GetTruthAsync();
        await gateway.WaitForEventCountsAsync(truth, TimeSpan.FromMinutes(2));
        var after = await gateway.GetJsonAsync("api/events/status");
        Assert.Equal("Connected", after["data"]!["connection_status"]!.GetValue<string>());
    }
}
