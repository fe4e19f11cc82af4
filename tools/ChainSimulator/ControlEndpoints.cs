using Microsoft.Extensions.Options;
using Spin.ChainSimulator.Ledger;
using Spin.ChainSimulator.PubSub;
using Spin.ChainSimulator.Truth;

namespace Spin.ChainSimulator;

/// <summary>Fault injection, status and ground truth, for tests and benchmarks (RPC port only).</summary>
public static class ControlEndpoints
{
    /// <summary>Maps <c>/control/*</c>, <c>/truth</c> and the validator's <c>GET /health</c>.</summary>
    public static void MapControlEndpoints(this WebApplication app)
    {
        app.MapGet("/health", () => Results.Text("ok"));
        app.MapPost("/control/drop", (PubSubHub hub) => Results.Ok(new { dropped = hub.DropAll() }));
        app.MapPost("/control/skip", (PubSubHub hub, int? count) => Fault(hub.SkipNext, count));
        app.MapPost("/control/duplicate", (PubSubHub hub, int? count) => Fault(hub.DuplicateNext, count));
        app.MapPost("/control/pause", (ChainProducer producer) =>
        {
            producer.Pause();
            return Results.Ok(new { paused = true, produced = producer.Produced, done = producer.Done });
        });
        app.MapPost("/control/resume", (ChainProducer producer) =>
        {
            producer.Resume();
            return Results.Ok(new { paused = false, produced = producer.Produced, done = producer.Done });
        });
        app.MapGet("/control/status", (ChainProducer producer, ChainLedger ledger, PubSubHub hub) => Results.Ok(new
        {
            produced = producer.Produced,
            paused = producer.Paused,
            target = producer.Target,
            done = producer.Done,
            slot = ledger.Slot,
            events = ledger.Events,
            connections = hub.Connections,
            transactions = ledger.Count,
            drops = hub.Drops,
            skipped = hub.Skipped,
            duplicated = hub.Duplicated,
        }));
        app.MapGet("/truth", (ChainLedger ledger, IOptions<SimulatorOptions> options) =>
            Results.Bytes(TruthWriter.Write(options.Value.ProgramId, ledger.Snapshot()), "application/json"));
        var dropEvery = app.Services.GetRequiredService<IOptions<SimulatorOptions>>().Value.DropEveryMs;
        if (dropEvery > 0)
        {
            var hub = app.Services.GetRequiredService<PubSubHub>();
            var timer = new Timer(_ => hub.DropAll(), null, dropEvery, dropEvery);
            app.Lifetime.ApplicationStopping.Register(() => timer.Dispose());
        }
    }

    private static IResult Fault(Action<int> apply, int? count)
    {
        if (count is < 0)
        {
            return Results.BadRequest(new { error = "count must be at least 0" });
        }

        apply(count ?? 1);
        return Results.Ok(new { count = count ?? 1 });
    }
}
