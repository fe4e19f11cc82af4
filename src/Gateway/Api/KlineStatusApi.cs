using Spin.Gateway.OpenApi;
using Spin.Gateway.Push;

namespace Spin.Gateway.Api;

/// <summary><c>GET /api/kline/status</c>: spin-server's shape with this gateway's live push counts (connections,
/// subscriptions, monitored mints); unlike spin-server's <c>/api/kline/subscriptions</c>, it never lists clients.</summary>
public static class KlineStatusApi
{
    /// <summary>Maps the endpoint.</summary>
    public static IEndpointRouteBuilder MapKlineStatusApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/kline/status", (MarketFeeds feeds, PushStats stats) => ApiResponse.Ok(w =>
        {
            w.WriteStartObject();
            w.WriteBoolean("enabled", true);
            w.WriteString("service_status", "running");
            w.WriteString("hub_path", PushSetup.HubPath);
            w.WriteNumber("active_connections", feeds.Connections);
            w.WriteNumber("total_subscriptions", feeds.Subscriptions);
            w.WriteNumber("monitored_mints", feeds.MonitoredMints);
            w.WriteNumber("events_pushed", stats.EventsPushed);
            w.WriteNumber("candle_messages", stats.CandleMessages);
            w.WriteEndObject();
        })).WithTags("kline").WithName("GetKlineStatus").WithSummary("Live push status: counts only").Returns<KlineStatus>(validatesInput: false);
        return routes;
    }
}
