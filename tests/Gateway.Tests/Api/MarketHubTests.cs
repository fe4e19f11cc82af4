using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Spin.Gateway.Tests.Infrastructure;

namespace Spin.Gateway.Tests.Api;

/// <summary>The hub's validation and limits: every bad request is answered with a hub error that names the problem.</summary>
public sealed class MarketHubTests(GatewayFactory factory) : IClassFixture<GatewayFactory>
{
    private const string Mint = "So11111111111111111111111111111111111111112";

    public static TheoryData<string, object, string> BadRequests() => new()
    {
        { "SubscribeEvents", new { mint = (string?)null }, "mint is required" },
        { "SubscribeEvents", new { mint = "not-a-mint" }, "mint must be a base58 address" },
        { "SubscribeEvents", new { mint = Mint + "1" }, "mint must be a base58 address" },
        { "SubscribeEvents", new { mint = Mint, since = -1 }, "since must not be negative" },
        { "SubscribeEvents", new { mint = Mint, since = 5 }, "since 5 is ahead of the mint's newest sequence number 0" },
        { "SubscribeEvents", new { mint = Mint, history = 1001 }, "history must be between 0 and 1000" },
        { "SubscribeCandles", new { mint = Mint, interval = "m2" }, "interval must be one of: s1, " },
        { "SubscribeCandles", new { mint = Mint }, "interval must be one of" },
        { "SubscribeCandles", new { mint = "0OIl", interval = "m1" }, "mint must be a base58 address" },
        { "SubscribeCandles", new { mint = Mint, interval = "m1", history = -1 }, "history must be between 0 and 1000" },
        { "UnsubscribeEvents", new { mint = "" }, "mint is required" },
        { "UnsubscribeCandles", new { mint = Mint, interval = "x" }, "interval must be one of" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task AnswersABadRequestWithAHubErrorNamingTheProblem(string method, object request, string message)
    {
        await using var connection = await ConnectAsync(factory);

        var error = await Assert.ThrowsAsync<HubException>(() => connection.InvokeAsync<JsonObject>(method, request));

        Assert.Contains(message, error.Message);
        Assert.Equal(HubConnectionState.Connected, connection.State);
    }

    [Fact]
    public async Task SubscribesAndUnsubscribesAndReportsCountsOnly()
    {
        await using var connection = await ConnectAsync(factory);
        var history = new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.On<JsonObject>("CandleHistory", m => history.TrySetResult(m));

        var events = await connection.InvokeAsync<JsonObject>("SubscribeEvents", new { mint = Mint, since = 0 });
        var candles = await connection.InvokeAsync<JsonObject>("SubscribeCandles", new { mint = Mint, interval = "m5" });
        var sent = await history.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var status = (await factory.CreateClient().GetFromJsonAsync<JsonObject>("/api/kline/status"))!["data"]!.AsObject();
        var rooms = (await factory.CreateClient().GetFromJsonAsync<JsonObject>("/api/kline/subscriptions"))!["data"]!.AsObject();

        Assert.Equal("""{"mint":"So11111111111111111111111111111111111111112","interval":null,"seq":0}""", events.ToJsonString());
        Assert.Equal("m5", candles["interval"]!.GetValue<string>());
        Assert.Equal(Mint, sent["mint"]!.GetValue<string>());
        Assert.Empty(sent["candles"]!.AsArray());
        Assert.True(sent["sent_at"]!.GetValue<long>() > 0);
        var stats = status["stats"]!.AsObject();
        Assert.Equal(["enabled", "service_status", "stats", "hub_path"], status.Select(p => p.Key));
        Assert.Equal(["active_connections", "total_subscriptions", "monitored_mints", "config", "events_pushed", "candle_messages"], stats.Select(p => p.Key));
        Assert.Equal("""{"connection_timeout":30,"max_subscriptions_per_client":100,"ping_interval":15,"ping_timeout":30}""", stats["config"]!.ToJsonString());
        Assert.True(stats["total_subscriptions"]!.GetValue<int>() >= 2);
        Assert.Equal(["timestamp", "total_connections", "total_rooms", "clients", "rooms"], rooms.Select(p => p.Key));
        Assert.Empty(rooms["clients"]!.AsArray());
        var byName = rooms["rooms"]!.AsArray().ToDictionary(r => r!["room_name"]!.GetValue<string>(), r => r!.AsObject());
        Assert.Equal(["room_name", "mint", "interval", "subscriber_count"], byName[$"kline:{Mint}:m5"].Select(p => p.Key));
        Assert.Equal((Mint, "m5"), (byName[$"kline:{Mint}:m5"]["mint"]!.GetValue<string>(), byName[$"kline:{Mint}:m5"]["interval"]!.GetValue<string>()));
        Assert.Null(byName[$"trades:{Mint}"]["interval"]);
        Assert.True(byName[$"trades:{Mint}"]["subscriber_count"]!.GetValue<int>() >= 1);
        Assert.True(await connection.InvokeAsync<bool>("UnsubscribeEvents", new { mint = Mint }));
        Assert.False(await connection.InvokeAsync<bool>("UnsubscribeEvents", new { mint = Mint }));
        Assert.True(await connection.InvokeAsync<bool>("UnsubscribeCandles", new { mint = Mint, interval = "m5" }));
    }

    [Fact]
    public async Task LimitsSubscriptionsPerConnectionAndTheSizeOfClientMessages()
    {
        var data = Directory.CreateTempSubdirectory("spin-hub-").FullName;
        await using var limited = factory.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Spin:Storage:Path", data);
            builder.UseSetting("Spin:Cluster:SiloPort", FreePort.Get().ToString());
            builder.UseSetting("Spin:Cluster:GatewayPort", FreePort.Get().ToString());
            builder.UseSetting("Spin:Push:MaxSubscriptionsPerConnection", "3");
            builder.UseSetting("Spin:Push:MaxMessageBytes", "2048");
        });
        await using var connection = await ConnectAsync(limited);
        foreach (var interval in new[] { "s1", "m1", "h1" })
        {
            await connection.InvokeAsync<JsonObject>("SubscribeCandles", new { mint = Mint, interval });
        }

        await connection.InvokeAsync<JsonObject>("SubscribeCandles", new { mint = Mint, interval = "m1" });
        var error = await Assert.ThrowsAsync<HubException>(() => connection.InvokeAsync<JsonObject>("SubscribeEvents", new { mint = Mint }));
        Assert.Contains("at most 3 subscriptions", error.Message);

        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.Closed += _ => { closed.TrySetResult(); return Task.CompletedTask; };
        var oversized = await Assert.ThrowsAnyAsync<Exception>(() => connection.InvokeAsync<JsonObject>("SubscribeEvents", new { mint = new string('1', 4096) }));
        await closed.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Contains("closed the connection", oversized.Message);
    }

    private static async Task<HubConnection> ConnectAsync(WebApplicationFactory<Program> app)
    {
        var server = app.Server;
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(server.BaseAddress, "hubs/market"), options =>
            {
                options.HttpMessageHandlerFactory = _ => server.CreateHandler();
                options.Transports = HttpTransportType.WebSockets;
                options.SkipNegotiation = true;
                options.WebSocketFactory = (context, cancellationToken) =>
                    new ValueTask<System.Net.WebSockets.WebSocket>(server.CreateWebSocketClient().ConnectAsync(context.Uri, cancellationToken));
            })
            .AddJsonProtocol(json => json.PayloadSerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower)
            .Build();
        await connection.StartAsync();
        return connection;
    }
}
