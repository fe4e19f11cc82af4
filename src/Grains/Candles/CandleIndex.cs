using System.Buffers.Binary;
using RocksDbSharp;
using Spin.Grains.Interfaces.Candles;
using Spin.Grains.Storage;

namespace Spin.Grains.Candles;

/// <summary>A dense ordinal index of one mint's stored candles per interval, so that a page is found by position
/// instead of by counting and skipping candles: the i-th oldest bucket has ordinal i. It keeps ordinal → bucket,
/// bucket → ordinal and the count (<see cref="StoreKeys.CandleOrdinal"/>, <see cref="StoreKeys.CandleOrdinalOf"/>,
/// <see cref="StoreKeys.CandleCount"/>), written in the WriteBatch of the candles they index.</summary>
internal sealed class CandleIndex(RocksStore store, byte[] mint)
{
    /// <summary>The number of stored candles of the interval, or null if the interval has no index yet.</summary>
    public long? Count(CandleInterval interval) => Read(StoreKeys.CandleCount(mint, (byte)interval));

    /// <summary>The stored bucket with the given ordinal.</summary>
    public long BucketAt(CandleInterval interval, long ordinal) =>
        Read(StoreKeys.CandleOrdinal(mint, (byte)interval, ordinal)) ?? throw Missing(interval, $"ordinal {ordinal}");

    /// <summary>The number of stored buckets at or before <paramref name="bucket"/>: one seek and one point read.</summary>
    public long RankThrough(CandleInterval interval, long bucket)
    {
        using var iterator = store.NewIterator(StoreColumn.Candles);
        iterator.SeekForPrev(StoreKeys.Candle(mint, (byte)interval, bucket));
        if (!iterator.Valid() || !iterator.Key().AsSpan().StartsWith(Prefix(interval)))
        {
            return 0;
        }

        // A negative bucket's big-endian key sorts after every real one, so the seek may land after it.
        var found = StoreKeys.CandleBucket(iterator.Key());
        return found > bucket ? 0 : Read(StoreKeys.CandleOrdinalOf(mint, (byte)interval, found)) ?? throw Missing(interval, $"bucket {found}");
    }

    /// <summary>Indexes the buckets a batch creates (absent from the store, ascending) inside that batch.</summary>
    public void Stage(CandleInterval interval, IReadOnlyList<long> created, WriteBatch batch)
    {
        // Buckets are created in time order almost always, and then only appended. A bucket created before the newest
        // one shifts the ordinals after it, so the tail from there is renumbered; an interval without an index (candles
        // stored before it existed) is numbered from its first candle.
        var (first, from) = Count(interval) is null ? (1L, 0L) : (RankThrough(interval, created[0] - 1) + 1, created[0]);
        Write(interval, first, Merge(StoredBuckets(interval, from), created), batch);
    }

    /// <summary>Indexes an interval stored without an index, in a batch of its own; returns its count.</summary>
    public long Build(CandleInterval interval)
    {
        using var batch = new WriteBatch();
        var count = Write(interval, 1, StoredBuckets(interval, 0), batch);
        // An empty interval (any unknown mint) stays without keys rather than gaining a count of 0.
        if (count > 0)
        {
            store.Write(batch);
        }

        return count;
    }

    private long Write(CandleInterval interval, long first, IEnumerable<long> buckets, WriteBatch batch)
    {
        var column = store[StoreColumn.Candles];
        var ordinal = first - 1;
        foreach (var bucket in buckets)
        {
            ordinal++;
            batch.Put(StoreKeys.CandleOrdinal(mint, (byte)interval, ordinal), Encode(bucket), column);
            batch.Put(StoreKeys.CandleOrdinalOf(mint, (byte)interval, bucket), Encode(ordinal), column);
        }

        batch.Put(StoreKeys.CandleCount(mint, (byte)interval), Encode(ordinal), column);
        return ordinal;
    }

    private IEnumerable<long> StoredBuckets(CandleInterval interval, long from)
    {
        using var iterator = store.NewIterator(StoreColumn.Candles);
        var prefix = Prefix(interval);
        for (iterator.Seek(StoreKeys.Candle(mint, (byte)interval, from)); iterator.Valid() && iterator.Key().AsSpan().StartsWith(prefix); iterator.Next())
        {
            yield return StoreKeys.CandleBucket(iterator.Key());
        }
    }

    private static IEnumerable<long> Merge(IEnumerable<long> stored, IReadOnlyList<long> created)
    {
        var next = 0;
        foreach (var bucket in stored)
        {
            for (; next < created.Count && created[next] <= bucket; next++)
            {
                if (created[next] < bucket)
                {
                    yield return created[next];
                }
            }

            yield return bucket;
        }

        for (; next < created.Count; next++)
        {
            yield return created[next];
        }
    }

    private byte[] Prefix(CandleInterval interval) => StoreKeys.Candle(mint, (byte)interval, 0)[..^8];

    private long? Read(byte[] key) => store.Get(StoreColumn.Candles, key) is { } value ? BinaryPrimitives.ReadInt64BigEndian(value) : null;

    private static byte[] Encode(long number)
    {
        var value = new byte[8];
        BinaryPrimitives.WriteInt64BigEndian(value, number);
        return value;
    }

    private InvalidDataException Missing(CandleInterval interval, string what) =>
        new($"The candle index of mint {Convert.ToHexString(mint)} interval {interval.Name()} has no {what}.");
}
