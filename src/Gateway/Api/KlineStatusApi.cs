using Spin.Gateway.OpenApi;
namespace Spin.Gateway.Api;

/// <summary><c>GET /api/kline/status</c>: spin-server's shape. Live push (SignalR) is not served yet, so it reports
/// itself disabled, as spin-server does when its kline service is off; it never lists clients.</summary>
public static class KlineStatusApi
{
    /// <summary>Maps the endpoint.</summary>
    public static IEndpointRouteBuilder MapKlineStatusApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/kline/status", () => ApiResponse.Ok(w =>
        {
            w.WriteStartObject();
            w.WriteBoolean("enabled", false);
            w.WriteString("service_status", "disabled");
            w.WriteString("message", "Live push is not served yet; poll /api/kline");
            w.WriteEndObject();
        })).WithTags("kline").WithName("GetKlineStatus").WithSummary("Live push status").Returns<KlineStatus>(validatesInput: false);
        return routes;
    }
}
