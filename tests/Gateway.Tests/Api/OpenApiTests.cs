using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Spin.Gateway.Tests.Infrastructure;

namespace Spin.Gateway.Tests.Api;

public sealed class OpenApiTests(GatewayFactory factory) : IClassFixture<GatewayFactory>
{
    [Fact]
    public async Task PublishesTheDocumentWithEveryEndpointItsParametersAndResponseSchemas()
    {
        var document = (await factory.CreateClient().GetFromJsonAsync<JsonObject>("/api-docs/openapi.json"))!;

        Assert.Equal("Spin API Documentation", document["info"]!["title"]!.GetValue<string>());
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

    [Fact]
    public async Task ServesSwaggerUiFromThisProcess()
    {
        var client = factory.CreateClient();
        var page = await client.GetStringAsync("/swagger-ui/index.html");
        var config = await client.GetStringAsync("/swagger-ui/index.js");

        Assert.Contains("<title>Spin API Documentation</title>", page);
        Assert.Contains("/api-docs/openapi.json", config);
        foreach (var asset in new[] { "swagger-ui-bundle.js", "swagger-ui-standalone-preset.js", "swagger-ui.css" })
        {
            using var response = await client.GetAsync($"/swagger-ui/{asset}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True(response.Content.Headers.ContentLength > 10_000, asset);
        }
    }
}
