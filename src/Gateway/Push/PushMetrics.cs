using System.Diagnostics.Metrics;
using Spin.Silo.Telemetry;

namespace Spin.Gateway.Push;

/// <summary>The gateway's live-push instruments on the <c>Spin</c> meter, read from its counters when scraped.</summary>
public sealed class PushMetrics
{
    /// <summary>Creates the instruments.</summary>
    public PushMetrics(IMeterFactory meters, PushStats stats, MarketFeeds feeds)
    {
        var meter = meters.Create(IngestMetrics.MeterName);
        meter.CreateObservableCounter<long>("spin.push.messages", () => new Measurement<long>[]
        {
            new(stats.EventsPushed, new KeyValuePair<string, object?>("kind", "event")),
            new(stats.CandleMessages, new KeyValuePair<string, object?>("kind", "candle")),
        }, "{message}", "Messages sent to subscriber groups (each fans out to the group's connections)");
        meter.CreateObservableGauge("spin.signalr.connections", () => feeds.Connections, "{connection}", "Open /hubs/market connections");
        meter.CreateObservableGauge("spin.signalr.subscriptions", () => feeds.Subscriptions, "{subscription}", "Subscriptions over all connections");
        meter.CreateObservableGauge("spin.push.monitored_mints", () => feeds.MonitoredMints, "{mint}", "Mints this gateway watches");
    }
}
