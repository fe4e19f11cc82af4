using Microsoft.Extensions.Options;
using Spin.ChainSimulator.Ledger;
using Spin.ChainSimulator.PubSub;
using Spin.ChainSimulator.Truth;

namespace Spin.ChainSimulator;

/// <summary>Fault injection, status and ground truth, for tests and benchmarks.</summary>
public static class ControlEndpoints
{
    /// <summary>Maps <c>/control/*</c> and <c>/truth</c>.</summary>
    public static void MapControlEndpoints(this WebApplication app)
    {
        app.MapPost("/control/drop", (PubSubHub hub) => { hub.DropAll(); return Results.Ok(); });
        app.MapPost("/control/skip", (PubSubHub hub, int count) => { hub.SkipNext(count); return Results.Ok(); });
        app.MapPost("/control/duplicate", (PubSubHub hub, int count) => { hub.DuplicateNext(count); return Results.Ok(); });
        app.MapGet("/control/status", (ChainProducer producer, ChainLedger ledger, PubSubHub hub) => Results.Ok(new
        {
            produced = producer.Produced,
            target = producer.Target,
            done = producer.Done,
            slot = ledger.Slot,
            transactions = ledger.Count,
            events = ledger.Events,
            connections = hub.Connections,
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
}
