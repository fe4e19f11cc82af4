using System.ComponentModel.DataAnnotations;
using System.Net;
using Spin.ChainSimulator.Tests.Infrastructure;

namespace Spin.ChainSimulator.Tests;

public sealed class SimulatorAppTests
{
    [Theory]
    [InlineData("--rate", "0")]
    [InlineData("--fail-rate", "1.5")]
    [InlineData("--port", "70000")]
    [InlineData("--mints", "0")]
    public void RejectsInvalidOptionsBeforeServing(string option, string value)
    {
        Assert.Throws<ValidationException>(() => SimulatorApp.Build([option, value]));
    }

    [Fact]
    public async Task ServesJsonRpcOnItsPortAndOnlyWebSocketsOnTheNext()
    {
        await using var host = await SimulatorHost.StartAsync("--transactions", "0");
        using var http = new HttpClient();

        using var plainOnPubSub = await http.GetAsync($"http://127.0.0.1:{host.Port + 1}/");
        using var rpcOnPubSub = await http.PostAsync($"http://127.0.0.1:{host.Port + 1}/", new StringContent("{}"));

        Assert.Equal(HttpStatusCode.BadRequest, plainOnPubSub.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, rpcOnPubSub.StatusCode);
        Assert.Equal("ok", (await host.ResultAsync("getHealth")).GetString());
    }
}
