using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Spin.Gateway.Tests.Infrastructure;

namespace Spin.Gateway.Tests.Api;

public sealed class OpenApiTests(GatewayFactory factory) : IClassFixture<GatewayFactory>
{
    [Fact]
    public async Task PublishesTheDocumentWithEveryEndpointItsParametersAndResponseSchemas()
    {
        var document = (await factory.CreateClient().GetFromJsonAsync<JsonObject>("/api-docs/openapi.json"))!;

        Assert.Equal("Spin API Service", document["info"]!["title"]!.GetValue<string>());
        Assert.Equal("1.0.0", document["info"]!["version"]!.GetValue<string>());
        Assert.StartsWith("3.", document["openapi"]!.GetValue<string>());
        var paths = document["paths"]!.AsObject();
        Assert.Equal(
            ["/alive", "/api/details", "/api/events", "/api/events/db-stats", "/api/events/stats", "/api/events/status", "/api/kline",
                "/api/kline/status", "/api/kline/subscriptions", "/api/mint_orders", "/api/mints", "/api/time", "/api/user_event", "/api/user_orders", "/health"],
            paths.Select(p => p.Key).Order(StringComparer.Ordinal));
        var kline = paths["/api/kline"]!["get"]!;
        Assert.Equal(["mint", "interval", "limit", "page", "order_by", "from", "to", "fill_gaps"],
            kline["parameters"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()));
        Assert.Equal("#/components/schemas/EnvelopeOfKlinePage", kline["responses"]!["200"]!["content"]!["application/json"]!["schema"]!["$ref"]!.GetValue<string>());
        Assert.NotNull(kline["responses"]!["400"]);
        Assert.NotNull(paths["/api/details"]!["post"]!["requestBody"]!["content"]!["application/json"]);
        var candle = document["components"]!["schemas"]!["KlineItem"]!["properties"]!.AsObject();
        Assert.Equal(["time", "open", "high", "low", "close", "volume", "is_final", "update_count"], candle.Select(p => p.Key));
        Assert.Equal("integer", candle["time"]!["type"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("/swagger-ui")]
    [InlineData("/swagger-ui/")]
    [InlineData("/swagger-ui/index.html")]
    public async Task ServesSwaggerUiFromThisProcessWithoutARedirect(string path)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await client.GetAsync(path);
        var page = await response.Content.ReadAsStringAsync();
        var config = await client.GetStringAsync("/swagger-ui/index.js");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/html", response.Content.Headers.ContentType!.ToString());
        Assert.Contains("<title>Spin API Documentation</title>", page);
        Assert.Contains("/api-docs/openapi.json", config);
        var assets = Regex.Matches(page, "(?:src|href)=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(7, assets.Count);
        foreach (var asset in assets)
        {
            using var served = await client.GetAsync(new Uri(new Uri("http://localhost" + path), asset));
            Assert.True(served.StatusCode == HttpStatusCode.OK, $"{asset} from {path}: {(int)served.StatusCode}");
        }
    }

    [Theory]
    [InlineData("swagger-ui-bundle.js")]
    [InlineData("swagger-ui-standalone-preset.js")]
    [InlineData("swagger-ui.css")]
    public async Task ServesSwaggerUisAssetsFromThisProcess(string asset)
    {
        using var response = await factory.CreateClient().GetAsync($"/swagger-ui/{asset}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Content.Headers.ContentLength > 10_000, asset);
    }
}
