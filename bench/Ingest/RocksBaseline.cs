using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RocksDbSharp;
using Spin.Grains.Storage;

namespace Spin.Bench.Ingest;

/// <summary>Baseline (b): a bare loop writing the product's event-log records straight into RocksDB, with the product's
/// store options (column families, bloom filters, LZ4, no fsync), key layout (<see cref="StoreKeys.Event"/>,
/// <see cref="StoreKeys.Dedup"/>) and value encoding (<see cref="EventRecordCodec"/>): one WriteBatch per mint per
/// batch of events, as <c>MintEventLog.Stage</c> does, and nothing else (no RPC, no decoding, no grains, no candles).</summary>
public static class RocksBaseline
{
    private static readonly TimeSpan MinimumTime = TimeSpan.FromSeconds(1);
    private const int MaxPasses = 200;

    /// <summary>Every event in a product's store (the product stopped), in chain order (slot, then the mint's order).</summary>
    public static IReadOnlyList<MintEvent> ReadBack(string dataPath)
    {
        using var store = Open(dataPath);
        var events = new List<MintEvent>();
        using var iterator = store.NewIterator(StoreColumn.Events);
        for (iterator.SeekToFirst(); iterator.Valid(); iterator.Next())
        {
            events.Add(new MintEvent(iterator.Key()[..32], EventRecordCodec.Decode(iterator.Value())));
        }

        return events.OrderBy(e => e.Event.Slot).ToList();
    }

    /// <summary>Writes the events into a fresh store, pass after pass (each pass under other mint keys, so every key is
    /// new) until at least a second of writing is timed, and returns events/s (encoding and batching timed; opening the
    /// store not; the first pass only warms up).</summary>
    public static double Measure(IReadOnlyList<MintEvent> events, int batchSize)
    {
        var written = 0L;
        var timed = TimeSpan.Zero;
        var dir = Directory.CreateTempSubdirectory("spin-baseline-");
        try
        {
            using var store = Open(dir.FullName);
            for (var pass = 0; pass <= MaxPasses && (pass < 3 || timed < MinimumTime); pass++)
            {
                var elapsed = WritePass(store, events.Select(e => e with { Mint = Disguise(e.Mint, pass) }).ToList(), batchSize);
                if (pass > 0)
                {
                    timed += elapsed;
                    written += events.Count;
                }
            }
        }
        finally
        {
            dir.Delete(recursive: true);
        }

        return written / timed.TotalSeconds;
    }

    // The same 32-byte layout, another mint per pass.
    private static byte[] Disguise(byte[] mint, int pass)
    {
        var copy = (byte[])mint.Clone();
        copy[^1] ^= (byte)pass;
        copy[^2] ^= (byte)(pass >> 8);
        return copy;
    }

    private static TimeSpan WritePass(RocksStore store, IReadOnlyList<MintEvent> events, int batchSize)
    {
        var lastSeq = new Dictionary<string, long>();
        var clock = Stopwatch.StartNew();
        foreach (var chunk in events.Chunk(batchSize))
        {
            foreach (var mint in chunk.GroupBy(e => e.Event.Body.Mint))
            {
                using var batch = new WriteBatch();
                var seq = lastSeq.GetValueOrDefault(mint.Key);
                foreach (var (key, chainEvent) in mint)
                {
                    seq++;
                    batch.Put(StoreKeys.Event(key, seq), EventRecordCodec.Encode(chainEvent), store[StoreColumn.Events]);
                    batch.Put(StoreKeys.Dedup(key, chainEvent.Id), BitConverter.GetBytes(seq), store[StoreColumn.Dedup]);
                }

                store.Write(batch);
                lastSeq[mint.Key] = seq;
            }
        }

        return clock.Elapsed;
    }

    private static RocksStore Open(string path) =>
        new(Options.Create(new StorageOptions { Path = path }), NullLogger<RocksStore>.Instance);
}
