using System.Text.Json;
using Microsoft.Extensions.Options;
using Spin.Chain.Rpc;
using Spin.Chain.SpinPet;
using Spin.Gateway.OpenApi;
using Spin.Silo.Ingest;

namespace Spin.Gateway.Api;

/// <summary><c>GET /api/events/status</c>: the chain listener of this process, with real numbers (spin-server's
/// fields first, then ours). Standalone mode co-hosts the silo, so its listener is here.</summary>
public static class IngestStatusApi
{
    /// <summary>Maps the status endpoint.</summary>
    public static IEndpointRouteBuilder MapIngestStatusApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/events/status", GetStatus).WithTags("events").WithName("GetEventStatus").WithSummary("Chain listener status and counters").Returns<IngestStatus>(validatesInput: false);
        return routes;
    }

    private static IResult GetStatus(ChainListener listener, SolanaLogsSubscriber subscriber, IngestStats stats, DecodeStats decode, IOptions<ChainOptions> options) =>
        ApiResponse.Ok(w =>
        {
            w.WriteStartObject();
            w.WriteBoolean("is_running", listener.Running);
            if (stats.LastEventAt is { } last)
            {
                w.WriteString("last_event_time", last.UtcDateTime.ToString("O"));
            }
            else
            {
                w.WriteNull("last_event_time");
            }

            w.WriteNumber("total_events_processed", stats.Events);
            w.WriteString("connection_status", subscriber.Connected ? "Connected" : "Disconnected");
            w.WriteString("program_id", options.Value.ProgramId);
            w.WriteString("commitment", options.Value.Commitment);
            w.WriteNumber("cursor_slot", stats.LastSlot);
            w.WriteNumber("transactions_processed", stats.Transactions);
            w.WriteNumber("duplicate_events", stats.Duplicates);
            w.WriteNumber("failed_transactions_skipped", stats.FailedTransactions);
            w.WriteNumber("notifications_received", stats.Notifications);
            w.WriteNumber("transactions_fetched", stats.Fetched);
            w.WriteNumber("reconnects", subscriber.Reconnects);
            WriteDecode(w, decode);
            w.WriteEndObject();
        });

    private static void WriteDecode(Utf8JsonWriter w, DecodeStats decode)
    {
        w.WriteStartObject("decode");
        foreach (var outcome in Enum.GetValues<DecodeOutcome>())
        {
            w.WriteNumber(JsonNamingPolicy.SnakeCaseLower.ConvertName(outcome.ToString()), decode.Get(outcome));
        }

        w.WriteEndObject();
    }
}
