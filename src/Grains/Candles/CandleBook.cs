using RocksDbSharp;
using Spin.Grains.Interfaces.Candles;
using Spin.Grains.Interfaces.Events;
using Spin.Grains.Interfaces.Push;
using Spin.Grains.Storage;

namespace Spin.Grains.Candles;

/// <summary>One mint's candles for every interval, updated from the price events of each applied batch inside the
/// batch's WriteBatch. A new bucket opens at the previous close, and high/low include the open, so OHLC is valid.
/// New buckets are numbered in the same batch (<see cref="CandleIndex"/>), so a page costs the same wherever it lies.</summary>
public sealed class CandleBook(RocksStore store, byte[] mint)
{
    private readonly Dictionary<(CandleInterval Interval, long Bucket), Candle> _staged = [];
    private readonly HashSet<(CandleInterval Interval, long Bucket)> _created = [];

    /// <summary>Adds the candle updates of newly applied events to <paramref name="batch"/>.</summary>
    public void Stage(IEnumerable<ChainEvent> applied, WriteBatch batch)
    {
        Discard();
        foreach (var chainEvent in applied)
        {
            if (PriceOf(chainEvent.Body) is not { } price)
            {
                continue;
            }

            var volume = chainEvent.Body is BuySellEvent trade ? trade.SolAmount : 0;
            foreach (var interval in CandleIntervals.All)
            {
                Update(interval, interval.BucketOf(chainEvent.BlockTime), price, volume);
            }
        }

        foreach (var ((interval, bucket), candle) in _staged)
        {
            batch.Put(StoreKeys.Candle(mint, (byte)interval, bucket), CandleCodec.Encode(candle), store[StoreColumn.Candles]);
        }

        foreach (var created in _created.GroupBy(c => c.Interval))
        {
            Index.Stage(created.Key, created.Select(c => c.Bucket).Order().ToList(), batch);
        }
    }

    /// <summary>The staged candles: every candle the batch touched, in its final state.</summary>
    public IReadOnlyList<CandleUpdate> Touched() =>
        _staged.OrderBy(p => p.Key.Interval).ThenBy(p => p.Key.Bucket).Select(p => new CandleUpdate(p.Key.Interval, p.Value)).ToList();

    /// <summary>Forgets staged updates once their batch is written or abandoned.</summary>
    public void Discard()
    {
        _staged.Clear();
        _created.Clear();
    }

    /// <summary>The price an event sets, if it sets one.</summary>
    public static UInt128? PriceOf(SpinEvent body) => body switch
    {
        BuySellEvent e => e.LatestPrice,
        LongShortEvent e => e.LatestPrice,
        FullCloseEvent e => e.LatestPrice,
        PartialCloseEvent e => e.LatestPrice,
        _ => null,
    };

    /// <summary>Reads one page of candles.</summary>
    public CandlePage Read(CandleQuery query) => query.FillGaps ? CandleGapFiller.Read(this, query) : CandlePager.Read(this, query);

    /// <summary>The ordinal index of the stored candles.</summary>
    internal CandleIndex Index { get; } = new(store, mint);

    /// <summary>Stored candles with lo ≤ time ≤ hi, ascending.</summary>
    internal IEnumerable<Candle> Range(CandleInterval interval, long lo, long hi, bool descending = false)
    {
        using var iterator = store.NewIterator(StoreColumn.Candles);
        var prefix = StoreKeys.Candle(mint, (byte)interval, 0)[..^8];
        // Bucket times are never negative; the big-endian key of a negative sentinel would sort after them.
        if (descending) { iterator.SeekForPrev(StoreKeys.Candle(mint, (byte)interval, hi)); } else { iterator.Seek(StoreKeys.Candle(mint, (byte)interval, Math.Max(lo, 0))); }
        while (iterator.Valid() && iterator.Key().AsSpan().StartsWith(prefix))
        {
            var bucket = StoreKeys.CandleBucket(iterator.Key());
            if (bucket < lo || bucket > hi)
            {
                yield break;
            }

            yield return CandleCodec.Decode(bucket, iterator.Value());
            if (descending) { iterator.Prev(); } else { iterator.Next(); }
        }
    }

    /// <summary>The newest stored candle strictly before <paramref name="bucket"/>, or null.</summary>
    internal Candle? Before(CandleInterval interval, long bucket)
    {
        var best = Range(interval, long.MinValue, bucket - 1, descending: true).FirstOrDefault();
        foreach (var ((stagedInterval, stagedBucket), candle) in _staged)
        {
            if (stagedInterval == interval && stagedBucket < bucket && (best is null || stagedBucket >= best.Time))
            {
                best = candle;
            }
        }

        return best;
    }

    private void Update(CandleInterval interval, long bucket, UInt128 price, ulong volume)
    {
        var current = _staged.GetValueOrDefault((interval, bucket)) ?? Stored(interval, bucket);
        if (current is null)
        {
            _created.Add((interval, bucket));
            var open = Before(interval, bucket)?.Close ?? price;
            current = new Candle(bucket, open, UInt128.Max(open, price), UInt128.Min(open, price), price, volume, 1);
        }
        else
        {
            current = current with
            {
                High = UInt128.Max(current.High, price),
                Low = UInt128.Min(current.Low, price),
                Close = price,
                VolumeLamports = current.VolumeLamports + volume,
                UpdateCount = current.UpdateCount + 1,
            };
        }

        _staged[(interval, bucket)] = current;
    }

    private Candle? Stored(CandleInterval interval, long bucket) =>
        store.Get(StoreColumn.Candles, StoreKeys.Candle(mint, (byte)interval, bucket)) is { } value ? CandleCodec.Decode(bucket, value) : null;
}
