using System.Diagnostics.Metrics;
using Spin.Silo.Telemetry;

namespace Spin.Gateway.Security;

/// <summary>Counts API requests answered 503 because the gateway was at capacity (<c>spin_http_shed_total</c>).</summary>
public sealed class ShedCounter
{
    private long _shed;

    /// <summary>Creates the instrument on the <c>Spin</c> meter.</summary>
    public ShedCounter(IMeterFactory meters) =>
        meters.Create(IngestMetrics.MeterName).CreateObservableCounter("spin.http.shed", () => Volatile.Read(ref _shed), "{request}",
            "API requests answered 503 because the gateway was at capacity (Spin:Http:MaxConcurrentRequests and MaxQueuedRequests)");

    /// <summary>Counts one shed request; returns how many so far.</summary>
    public long Shed() => Interlocked.Increment(ref _shed);
}
