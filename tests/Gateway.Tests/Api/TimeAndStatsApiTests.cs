using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Spin.Gateway.Tests.Infrastructure;

namespace Spin.Gateway.Tests.Api;

public sealed class TimeAndStatsApiTests(GatewayFactory factory) : IClassFixture<GatewayFactory>
{
    [Fact]
    public async Task TellsTheTimeInSecondsWithAFormattedLocalField()
    {
        var before = DateTimeOffset.UtcNow.ToUnixTimeSeconds();

        var data = (await factory.CreateClient().GetFromJsonAsync<JsonObject>("/api/time?format=%25H:%25M"))!["data"]!;

        Assert.InRange(data["timestamp"]!.GetValue<long>(), before, before + 60);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC$", data["utc"]!.GetValue<string>());
        Assert.Matches(@"^\d{2}:\d{2} \S+$", data["local"]!.GetValue<string>());
        Assert.True(DateTimeOffset.TryParse(data["iso8601"]!.GetValue<string>(), out _));
    }

    [Fact]
    public async Task AnswersAnInvalidTimeFormatWithA400InsteadOfFailingTheRequest()
    {
        using var response = await factory.CreateClient().GetAsync("/api/time?format=%25Q");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("unsupported specifier", (await response.Content.ReadFromJsonAsync<JsonObject>())!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task ReportsEventCountsByTypeAndTheStoreStatistics()
    {
        var stats = (await factory.CreateClient().GetFromJsonAsync<JsonObject>("/api/events/stats"))!["data"]!.AsObject();
        var db = (await factory.CreateClient().GetFromJsonAsync<JsonObject>("/api/events/db-stats"))!["data"]!.GetValue<string>();

        Assert.Equal(["token_created", "buy_sell", "long_short", "force_liquidate", "full_close", "partial_close", "milestone_discount", "total"],
            stats.Select(p => p.Key));
        Assert.Contains("DB Stats", db);
    }

    [Fact]
    public async Task ReportsHealthWithEveryCheckAndLiveness()
    {
        using var response = await factory.CreateClient().GetAsync("/health");
        var health = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        var alive = (await factory.CreateClient().GetFromJsonAsync<JsonObject>("/alive"))!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("healthy", health["status"]!.GetValue<string>());
        Assert.Equal("open", health["rocksdb"]!.GetValue<string>());
        Assert.Equal("disabled", health["listener"]!["status"]!.GetValue<string>());
        Assert.Equal(0, health["mint_count"]!.GetValue<long>());
        Assert.Empty(health["problems"]!.AsArray());
        Assert.Contains(":", health["server_id"]!.GetValue<string>());
        Assert.InRange(health["timestamp"]!.GetValue<long>(), DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 60, DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 1);
        Assert.Equal("alive", alive["status"]!.GetValue<string>());
    }
}
