using Spin.Grains.Interfaces.Candles;

namespace Spin.Grains.Candles;

/// <summary>Candles with empty buckets filled (like GeckoTerminal's include_empty_intervals): an empty bucket
/// carries the previous close with volume 0 and no updates. The range starts at the first stored candle at the
/// earliest and ends at <c>To</c> or the last stored candle; the page's buckets are computed, not scanned.</summary>
internal static class CandleGapFiller
{
    public static CandlePage Read(CandleBook book, CandleQuery query)
    {
        var interval = query.Interval;
        var step = interval.Seconds();
        var first = book.Range(interval, long.MinValue, long.MaxValue).FirstOrDefault();
        var last = book.Range(interval, long.MinValue, long.MaxValue, descending: true).FirstOrDefault();
        if (first is null || last is null)
        {
            return new CandlePage([], 0);
        }

        var lo = Math.Max(first.Time, query.From is { } from ? interval.BucketOf(from) : first.Time);
        var hi = query.To is { } to ? interval.BucketOf(to) : last.Time;
        var total = hi < lo ? 0 : ((hi - lo) / step) + 1;
        var offset = (long)(query.Page - 1) * query.Limit;
        var count = (int)Math.Clamp(total - offset, 0, query.Limit);
        if (count == 0)
        {
            return new CandlePage([], total);
        }

        var pageLo = query.Descending ? hi - ((offset + count - 1) * step) : lo + (offset * step);
        var pageHi = pageLo + ((count - 1) * step);
        var stored = book.Range(interval, pageLo, pageHi).ToDictionary(c => c.Time);
        var previous = book.Before(interval, pageLo)?.Close;
        var filled = new List<Candle>(count);
        for (var bucket = pageLo; bucket <= pageHi; bucket += step)
        {
            var candle = stored.GetValueOrDefault(bucket) ?? new Candle(bucket, previous!.Value, previous.Value, previous.Value, previous.Value, 0, 0);
            filled.Add(candle);
            previous = candle.Close;
        }

        if (query.Descending)
        {
            filled.Reverse();
        }

        return new CandlePage(filled, total);
    }
}
