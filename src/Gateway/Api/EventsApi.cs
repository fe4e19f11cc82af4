using System.Text.Json;
using Spin.Gateway.Json;
using Spin.Grains.Interfaces.Mints;

namespace Spin.Gateway.Api;

/// <summary><c>GET /api/events</c>: one mint's events, spin-server compatible.</summary>
public static class EventsApi
{
    private static readonly DefaultData EmptyPage = new(w => WritePage(w, [], 0, 0, 0));

    /// <summary>Maps the events endpoints.</summary>
    public static IEndpointRouteBuilder MapEventsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/events").WithTags("events");
        group.MapGet("/", QueryEvents).WithName("QueryEvents").WithSummary("Events of one mint, by slot").WithMetadata(EmptyPage);
        return routes;
    }

    private static async Task<IResult> QueryEvents(HttpRequest request, IGrainFactory grains)
    {
        var query = request.Query;
        var mint = QueryParameters.Address(query["mint"], "mint");
        var limit = QueryParameters.Limit(query["limit"]);
        var page = QueryParameters.Page(query["page"]);
        var orderBy = QueryParameters.OneOf(query["order_by"], "order_by", "slot_desc", "slot_asc", "slot_desc");

        var result = await grains.GetGrain<IMintGrain>(mint).GetEvents(new EventQuery(page, limit, orderBy == "slot_desc"));
        return ApiResponse.Ok(w => WritePage(w, result.Events, result.Total, page, limit));
    }

    private static void WritePage(Utf8JsonWriter w, IReadOnlyList<Grains.Interfaces.Events.StoredEvent> events, long total, int page, int limit)
    {
        w.WriteStartObject();
        w.WriteStartArray("events");
        foreach (var stored in events)
        {
            SpinEventJson.Write(w, stored.Event);
        }

        w.WriteEndArray();
        w.WriteNumber("total", total);
        w.WriteNumber("page", page);
        w.WriteNumber("limit", limit);
        w.WriteBoolean("has_next", (long)page * limit < total);
        w.WriteBoolean("has_prev", page > 1);
        w.WriteEndObject();
    }
}
