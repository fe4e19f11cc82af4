using System.Diagnostics.Metrics;
using Microsoft.Extensions.Options;
using Spin.Chain.Rpc;
using Spin.Chain.SpinPet;
using Spin.Grains.Interfaces.Events;
using Spin.Grains.Storage;
using Spin.Silo.Ingest;

namespace Spin.Silo.Telemetry;

/// <summary>The silo's own instruments on the <c>Spin</c> meter: ingestion, the chain listener and the store. Counters
/// read the existing statistics when scraped, so the hot path pays nothing for them; only the apply duration is recorded
/// as it happens. Labels are low-cardinality (event type, reason, column family), never a mint or a user.</summary>
public sealed class IngestMetrics
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "Spin";

    private readonly Histogram<double> _applyDuration;

    /// <summary>Creates the instruments.</summary>
    public IngestMetrics(IMeterFactory meters, IngestStats stats, DecodeStats decode, SolanaLogsSubscriber subscriber, RocksStore store,
        IOptions<ChainOptions> chain, PostgresListenerLease? lease = null)
    {
        var meter = meters.Create(MeterName);
        meter.CreateObservableCounter("spin.ingest.events", () => Enum.GetValues<SpinEventType>()
            .Select(t => new Measurement<long>(stats.EventsOf(t), new KeyValuePair<string, object?>("type", t.ToString()))),
            "{event}", "Events decoded from successful transactions, by type");
        meter.CreateObservableCounter<long>("spin.ingest.rejected", () =>
        new Measurement<long>[]
        {
            new Measurement<long>(decode.Get(DecodeOutcome.Garbage) + decode.Get(DecodeOutcome.UnknownDiscriminator)
                + decode.Get(DecodeOutcome.Truncated) + decode.Get(DecodeOutcome.TruncatedLog), new KeyValuePair<string, object?>("reason", "undecodable")),
            new Measurement<long>(stats.FailedTransactions, new KeyValuePair<string, object?>("reason", "failed_transaction")),
            new Measurement<long>(stats.Duplicates, new KeyValuePair<string, object?>("reason", "duplicate")),
        }, "{event}", "Log data not indexed: undecodable events, failed transactions (counted per transaction), duplicate events");
        meter.CreateObservableCounter("spin.ingest.transactions", () => stats.Transactions, "{transaction}", "Transactions applied");
        meter.CreateObservableCounter("spin.ingest.backfilled", () => stats.Backfilled, "{event}", "Events of transactions fetched by reconciliation rather than received live");
        meter.CreateObservableCounter("spin.listener.notifications", () => stats.Notifications, "{notification}", "logsSubscribe notifications received");
        meter.CreateObservableCounter("spin.listener.reconnects", () => subscriber.Reconnects, "{reconnect}", "PubSub reconnections");
        if (chain.Value.ListenerEnabled)
        {
            // Only where the listener runs: elsewhere (disabled, or standing by for the lease) there is no lag to speak of.
            meter.CreateObservableGauge("spin.ingest.lag", () => Lag(stats, lease), "{slot}", "How far the index lags the chain, in slots");
        }

        meter.CreateObservableGauge("spin.listener.connected", () => subscriber.Connected ? 1 : 0, "{connection}", "1 while the PubSub subscription is up");
        if (lease is not null && chain.Value.ListenerEnabled)
        {
            // Cluster mode only: summed over the silos, the gauge is 1 when the cluster indexes the chain.
            meter.CreateObservableGauge("spin.listener.lease_held", () => lease.Held ? 1 : 0, "{lease}", "1 while this silo holds the chain listener's lease");
            meter.CreateObservableCounter("spin.listener.takeovers", () => lease.Takeovers, "{takeover}", "Times this silo acquired the chain listener's lease");
        }

        meter.CreateObservableGauge("spin.rocksdb.size", () => Columns(store, "rocksdb.total-sst-files-size", "rocksdb.cur-size-all-mem-tables"), "By",
            "Size of the SST files and memtables, by column family");
        meter.CreateObservableGauge("spin.rocksdb.pending_compaction", () => Columns(store, "rocksdb.estimate-pending-compaction-bytes"), "By",
            "Bytes compaction still has to rewrite, by column family");
        _applyDuration = meter.CreateHistogram("spin.ingest.apply.duration", "s", "Time to apply one batch to its mint grains", tags: null,
            new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] });
    }

    /// <summary>Records one applied batch.</summary>
    public void Applied(TimeSpan duration) => _applyDuration.Record(duration.TotalSeconds);

    private static IEnumerable<Measurement<long>> Lag(IngestStats stats, PostgresListenerLease? lease) =>
        lease is { Held: false } ? [] : [new Measurement<long>(stats.EstimatedLagSlots(DateTimeOffset.UtcNow))];

    private static IEnumerable<Measurement<long>> Columns(RocksStore store, params string[] properties) =>
        Enum.GetValues<StoreColumn>().Select(c => new Measurement<long>(
            properties.Sum(p => long.TryParse(store.GetProperty(p, c), out var value) ? value : 0),
            new KeyValuePair<string, object?>("column_family", c.ToString().ToLowerInvariant())));
}
