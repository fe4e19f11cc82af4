using System.Globalization;

namespace Spin.Gateway.Api;

/// <summary><c>GET /api/time</c>: server time, with spin-server's optional strftime <c>format</c> for the local field;
/// an invalid format is a 400, not a crashed request.</summary>
public static class TimeApi
{
    /// <summary>Maps the time endpoint.</summary>
    public static IEndpointRouteBuilder MapTimeApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/time", GetTime).WithTags("time").WithName("GetTime").WithSummary("Server time")
            .WithMetadata(new DefaultData(w => { w.WriteStartObject(); w.WriteEndObject(); }));
        return routes;
    }

    private static IResult GetTime(HttpRequest request, TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        var local = TimeZoneInfo.ConvertTime(now, clock.LocalTimeZone);
        var format = request.Query["format"].ToString() is { Length: > 0 } f ? f : "%Y-%m-%d %H:%M:%S";
        var formatted = Strftime.Format(local, format + " %Z", clock.LocalTimeZone)
            ?? throw new BadRequestException("format contains an unsupported specifier; use %Y %m %d %H %M %S %y %b %B %a %A %j %Z %z %%");
        return ApiResponse.Ok(w =>
        {
            w.WriteStartObject();
            w.WriteNumber("timestamp", now.ToUnixTimeSeconds());
            w.WriteString("utc", now.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture));
            w.WriteString("local", formatted);
            w.WriteString("iso8601", now.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffffzzz", CultureInfo.InvariantCulture));
            w.WriteEndObject();
        });
    }
}
