using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Spin.Gateway.Tests.Infrastructure;

namespace Spin.Gateway.Tests.Api;

/// <summary>Optional API keys: off by default; when on, a key is required on /api/ and each key has its own limit.</summary>
public sealed class ApiKeyTests(GatewayFactory factory) : IClassFixture<GatewayFactory>
{
    private const string Limited = "limited-key-0123456789";
    private const string Generous = "generous-key-0123456789";
    private const string Events = "/api/events?mint=So11111111111111111111111111111111111111112";

    [Fact]
    public async Task NeedsNoKeyByDefault()
    {
        using var response = await factory.CreateClient().GetAsync(Events);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task RequiresAKnownKeyAndLimitsEachKeyOnItsOwnWithRetryAfter()
    {
        var data = Directory.CreateTempSubdirectory("spin-keys-").FullName;
        using var keyed = factory.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Spin:Storage:Path", data);
            builder.UseSetting("Spin:Cluster:SiloPort", FreePort.Get().ToString());
            builder.UseSetting("Spin:Cluster:GatewayPort", FreePort.Get().ToString());
            builder.UseSetting("Spin:Http:ApiKeys:Enabled", "true");
            builder.UseSetting("Spin:Http:ApiKeys:RequestsPerMinute", "1000");
            builder.UseSetting("Spin:Http:ApiKeys:Keys:0:Key", Limited);
            builder.UseSetting("Spin:Http:ApiKeys:Keys:0:Name", "limited");
            builder.UseSetting("Spin:Http:ApiKeys:Keys:0:RequestsPerMinute", "3");
            builder.UseSetting("Spin:Http:ApiKeys:Keys:1:Key", Generous);
        });
        var anonymous = keyed.CreateClient();
        var limited = Client(keyed, Limited);
        var generous = Client(keyed, Generous);

        await AssertRejectedAsync(await anonymous.GetAsync(Events), HttpStatusCode.Unauthorized, "X-API-Key");
        await AssertRejectedAsync(await Client(keyed, "wrong-key-0123456789").GetAsync(Events), HttpStatusCode.Unauthorized, "not valid");
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await limited.GetAsync(Events)).StatusCode);
        }

        using var over = await limited.GetAsync(Events);
        await AssertRejectedAsync(over, HttpStatusCode.TooManyRequests, "rate limit");
        var retryAfter = over.Headers.RetryAfter!.Delta!.Value;
        Assert.InRange(retryAfter, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));
        Assert.Equal(HttpStatusCode.OK, (await generous.GetAsync(Events)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/api-docs/openapi.json")).StatusCode);
    }

    private static HttpClient Client(WebApplicationFactory<Program> app, string key)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Add("X-API-Key", key);
        return client;
    }

    private static async Task AssertRejectedAsync(HttpResponseMessage response, HttpStatusCode status, string message)
    {
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(status, response.StatusCode);
        Assert.False(body["success"]!.GetValue<bool>());
        Assert.Contains(message, body["message"]!.GetValue<string>());
        Assert.Equal(0, body["data"]!["total"]!.GetValue<long>());
    }
}
