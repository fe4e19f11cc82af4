using System.Net;
using System.Text;
using Spin.Gateway.Tests.Infrastructure;

namespace Spin.Gateway.Tests.EndToEnd;

/// <summary>Request limits and CORS on the real Kestrel server (the in-memory test server enforces neither).</summary>
[Collection(EndToEndCollection.Name)]
public sealed class HttpLimitsTests
{
    [Fact]
    public async Task RefusesOversizedBodiesAndLongQueriesAndAllowsAnyOriginByDefault()
    {
        using var data = new TempDirectory();
        var port = FreePort.Get(pairWithNext: true);
        await using var gateway = await GatewayProcess.StartAsync($"http://127.0.0.1:{port}", $"ws://127.0.0.1:{port + 1}", data.Path,
            "--Spin:Chain:ListenerEnabled", "false");

        using var oversized = await gateway.Http.PostAsync("api/details",
            new StringContent("{\"mints\":[\"" + new string('1', 2 * 1024 * 1024) + "\"]}", Encoding.UTF8, "application/json"));
        using var longQuery = await gateway.Http.GetAsync("api/events?mint=" + new string('1', 10_000));
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "api/mints");
        preflight.Headers.Add("Origin", "https://trader.example");
        preflight.Headers.Add("Access-Control-Request-Method", "GET");
        using var cors = await gateway.Http.SendAsync(preflight);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, oversized.StatusCode);
        Assert.Equal(HttpStatusCode.RequestUriTooLong, longQuery.StatusCode);
        Assert.Equal("*", cors.Headers.GetValues("Access-Control-Allow-Origin").Single());
    }
}
