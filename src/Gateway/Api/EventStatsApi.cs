using Spin.Gateway.OpenApi;
using Spin.Grains.Interfaces.Events;
using Spin.Grains.Storage;
using Spin.Silo.Ingest;

namespace Spin.Gateway.Api;

/// <summary><c>GET /api/events/stats</c> (events decoded since start, by type; spin-server always said 0) and
/// <c>GET /api/events/db-stats</c> (the RocksDB statistics text) of the silo co-hosted here.</summary>
public static class EventStatsApi
{
    /// <summary>Maps the two endpoints.</summary>
    public static IEndpointRouteBuilder MapEventStatsApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/events/stats", (IngestStats stats) => ApiResponse.Ok(w =>
        {
            w.WriteStartObject();
            foreach (var type in Enum.GetValues<SpinEventType>())
            {
                w.WriteNumber(System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(type.ToString()), stats.EventsOf(type));
            }

            w.WriteNumber("total", Enum.GetValues<SpinEventType>().Sum(stats.EventsOf));
            w.WriteEndObject();
        })).WithTags("events").WithName("GetEventStats").WithSummary("Events decoded since start, by type").Returns<EventStats>(validatesInput: false);

        routes.MapGet("/api/events/db-stats", (RocksStore store) => ApiResponse.Ok(w => w.WriteStringValue(store.GetProperty("rocksdb.stats") ?? string.Empty)))
            .WithTags("events").WithName("GetDbStats").WithSummary("RocksDB statistics").Returns<string>(validatesInput: false);
        return routes;
    }
}
