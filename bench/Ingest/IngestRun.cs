using System.Globalization;

namespace Spin.Bench.Ingest;

/// <summary>One run's figures: the product's backfill and live rates, the simulator's emit rate during the live
/// stream, and the bare RocksDB loop's rate over the backfill's events (all events/s).</summary>
public sealed record IngestRun(long Events, double Backfill, double Live, double Emit, double Baseline)
{
    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Events:N0} events; backfill {Backfill:N0} events/s, live {Live:N0} events/s (simulator emitted {Emit:N0} events/s), " +
        $"bare RocksDB loop {Baseline:N0} events/s");
}
