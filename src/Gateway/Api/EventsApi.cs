using System.ComponentModel;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Spin.Gateway.Json;
using Spin.Gateway.OpenApi;
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
        group.MapGet("/", QueryEvents).WithName("QueryEvents").WithSummary("Events of one mint, by slot").WithMetadata(EmptyPage).Returns<EventsPage>();
        return routes;
    }

    private static async Task<IResult> QueryEvents([FromQuery, Description("The mint, base58")] string? mint, [FromQuery, Description("1-based page (default 1)")] string? page, [FromQuery, Description("Page size, 0-1000 (default 50)")] string? limit,
        [FromQuery(Name = "order_by"), Description("slot_desc (default) or slot_asc")] string? orderBy, IGrainFactory grains)
    {
        var address = QueryParameters.Address(mint, "mint");
        var size = QueryParameters.Limit(limit);
        var number = QueryParameters.Page(page);
        var descending = QueryParameters.OneOf(orderBy, "order_by", "slot_desc", "slot_asc", "slot_desc") == "slot_desc";

        var result = await grains.GetGrain<IMintGrain>(address).GetEvents(new EventQuery(number, size, descending));
        return ApiResponse.Ok(w => WritePage(w, result.Events, result.Total, number, size), result.Syncing);
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
