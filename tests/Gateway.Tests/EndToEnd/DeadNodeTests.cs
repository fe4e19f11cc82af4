using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
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
            "--Spin:Chain:ReconcileInterval", "00:00:00.500", "--Spin:Chain:HealthMaxLagSlots", "5");
        await Eventually.HoldsAsync(async () => await HealthIsAsync(gateway, HttpStatusCode.ServiceUnavailable),
            TimeSpan.FromSeconds(30), "/health to report the unreachable node as a growing lag");
        var unhealthy = await HealthAsync(gateway);
        Assert.Equal("unhealthy", unhealthy.Body["status"]!.GetValue<string>());
        Assert.Contains("lags the chain", unhealthy.Body["problems"]![0]!.GetValue<string>());
        var before = await gateway.GetJsonAsync("api/events/status");
        Assert.Equal("Disconnected", before["data"]!["connection_status"]!.GetValue<string>());
        Assert.False(gateway.Process.HasExited);

        await using var simulator = await SimulatorProcess.StartOnAsync(port, "--seed", "21", "--mints", "10", "--prefill", "400", "--transactions", "100", "--rate", "100");
        await simulator.WaitUntilDoneAsync(TimeSpan.FromMinutes(2));

        var truth = await simulator.GetTruthAsync();
        await gateway.WaitForEventCountsAsync(truth, TimeSpan.FromMinutes(2));
        var after = await gateway.GetJsonAsync("api/events/status");
        Assert.Equal("Connected", after["data"]!["connection_status"]!.GetValue<string>());
        await Eventually.HoldsAsync(async () => await HealthIsAsync(gateway, HttpStatusCode.OK),
            TimeSpan.FromSeconds(30), "/health to turn healthy once the index has caught up");
        var healthy = (await HealthAsync(gateway)).Body;
        Assert.Equal("running", healthy["listener"]!["status"]!.GetValue<string>());
        Assert.Equal(truth.Count, healthy["mint_count"]!.GetValue<long>());
        Assert.InRange(healthy["listener"]!["lag_slots"]!.GetValue<long>(), 0, 5);
    }

    private static async Task<(bool, string)> HealthIsAsync(GatewayProcess gateway, HttpStatusCode expected)
    {
        var (status, body) = await HealthAsync(gateway);
        return (status == expected, $"{(int)status} {body.ToJsonString()}");
    }

    private static async Task<(HttpStatusCode Status, JsonObject Body)> HealthAsync(GatewayProcess gateway)
    {
        using var response = await gateway.Http.GetAsync("health");
        return (response.StatusCode, (await response.Content.ReadFromJsonAsync<JsonObject>())!);
    }
}
