using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using Spin.Gateway.OpenApi;
using Spin.Gateway.Push;

namespace Spin.Gateway.Api;

/// <summary><c>GET /api/kline/status</c> and <c>GET /api/kline/subscriptions</c>: spin-server's shapes, filled with this
/// gateway's live push (the SignalR hub) counts. Unlike spin-server, neither ever lists clients or their ids.</summary>
public static class KlineStatusApi
{
    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapKlineStatusApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/kline/status", Status).WithTags("kline").WithName("GetKlineStatus")
            .WithSummary("Live push status: connection, subscription and mint counts, and the hub's settings").Returns<KlineStatus>(validatesInput: false);
        routes.MapGet("/api/kline/subscriptions", Subscriptions).WithTags("kline").WithName("GetKlineSubscriptions")
            .WithSummary("Live push subscriptions: subscriber counts per room, counts only (unlike spin-server, no client or socket ids; clients is always empty)")
            .Returns<KlineSubscriptions>(validatesInput: false);
        return routes;
    }

    private static IResult Status(MarketFeeds feeds, PushStats stats, IOptions<HubOptions<MarketHub>> hub, IOptions<PushOptions> push) =>
        ApiResponse.Ok(w =>
        {
            w.WriteStartObject();
            w.WriteBoolean("enabled", true);
            w.WriteString("service_status", "running");
            w.WriteStartObject("stats");
            w.WriteNumber("active_connections", feeds.Connections);
            w.WriteNumber("total_subscriptions", feeds.Subscriptions);
            w.WriteNumber("monitored_mints", feeds.MonitoredMints);
            // SignalR's counterparts of spin-server's Socket.IO settings: the server drops a client silent for the
            // client timeout, and pings every keep-alive interval.
            var timeout = (long)(hub.Value.ClientTimeoutInterval ?? TimeSpan.FromSeconds(30)).TotalSeconds;
            w.WriteStartObject("config");
            w.WriteNumber("connection_timeout", timeout);
            w.WriteNumber("max_subscriptions_per_client", push.Value.MaxSubscriptionsPerConnection);
            w.WriteNumber("ping_interval", (long)(hub.Value.KeepAliveInterval ?? TimeSpan.FromSeconds(15)).TotalSeconds);
            w.WriteNumber("ping_timeout", timeout);
            w.WriteEndObject();
            w.WriteNumber("events_pushed", stats.EventsPushed);
            w.WriteNumber("candle_messages", stats.CandleMessages);
            w.WriteEndObject();
            w.WriteString("hub_path", PushSetup.HubPath);
            w.WriteEndObject();
        });

    private static IResult Subscriptions(MarketFeeds feeds, TimeProvider time)
    {
        var rooms = feeds.SubscribersByGroup().OrderBy(r => r.Key, StringComparer.Ordinal).ToList();
        var connections = feeds.Connections;
        return ApiResponse.Ok(w =>
        {
            w.WriteStartObject();
            w.WriteNumber("timestamp", time.GetUtcNow().ToUnixTimeSeconds());
            w.WriteNumber("total_connections", connections);
            w.WriteNumber("total_rooms", rooms.Count);
            w.WriteStartArray("clients");
            w.WriteEndArray();
            w.WriteStartArray("rooms");
            foreach (var (room, subscribers) in rooms)
            {
                WriteRoom(w, room, subscribers);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    private static void WriteRoom(Utf8JsonWriter w, string room, int subscribers)
    {
        var parts = room.Split(':');
        w.WriteStartObject();
        w.WriteString("room_name", room);
        w.WriteString("mint", parts[1]);
        if (parts.Length > 2)
        {
            w.WriteString("interval", parts[2]);
        }
        else
        {
            w.WriteNull("interval");
        }

        w.WriteNumber("subscriber_count", subscribers);
        w.WriteEndObject();
    }
}
