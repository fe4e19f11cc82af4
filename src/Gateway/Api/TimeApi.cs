using System.ComponentModel;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Spin.Gateway.OpenApi;

namespace Spin.Gateway.Api;

/// <summary><c>GET /api/time</c>: server time, with spin-server's optional strftime <c>format</c> for the local field;
/// an invalid format is a 400, not a crashed request.</summary>
public static class TimeApi
{
    /// <summary>Maps the time endpoint.</summary>
    public static IEndpointRouteBuilder MapTimeApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/time", GetTime).WithTags("time").WithName("GetTime").WithSummary("Server time")
            .WithMetadata(new DefaultData(w => WriteTime(w, 0, string.Empty, string.Empty, string.Empty))).Returns<TimeData>();
        return routes;
    }

    private static IResult GetTime([FromQuery(Name = "format"), Description("strftime format of the local field (default %Y-%m-%d %H:%M:%S)")] string? rawFormat,
        TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        var local = TimeZoneInfo.ConvertTime(now, clock.LocalTimeZone);
        var format = rawFormat is { Length: > 0 } f ? f : "%Y-%m-%d %H:%M:%S";
        var formatted = Strftime.Format(local, format + " %Z", clock.LocalTimeZone)
            ?? throw new BadRequestException("format contains an unsupported specifier; use %Y %m %d %H %M %S %y %b %B %a %A %j %Z %z %%");
        return ApiResponse.Ok(w => WriteTime(w, now.ToUnixTimeSeconds(), now.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture),
            formatted, now.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffffzzz", CultureInfo.InvariantCulture)));
    }

    private static void WriteTime(System.Text.Json.Utf8JsonWriter w, long timestamp, string utc, string local, string iso8601)
    {
        w.WriteStartObject();
        w.WriteNumber("timestamp", timestamp);
        w.WriteString("utc", utc);
        w.WriteString("local", local);
        w.WriteString("iso8601", iso8601);
        w.WriteEndObject();
    }
}
