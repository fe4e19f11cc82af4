using Spin.Grains.Interfaces.Candles;

namespace Spin.Grains.Candles;

/// <summary>A page of stored candles found by position in the <see cref="CandleIndex"/>: the total is a count or a
/// difference of two ranks, and the page is one seek to its first bucket and then <c>limit</c> candles, in either order.</summary>
internal static class CandlePager
{
    public static CandlePage Read(CandleBook book, CandleQuery query)
    {
        var interval = query.Interval;
        var index = book.Index;
        var count = index.Count(interval) ?? index.Build(interval);
        // Ordinals before+1 .. through are the candles with BucketOf(From) ≤ time ≤ BucketOf(To); buckets are never negative.
        var before = query.From is { } from ? index.RankThrough(interval, Math.Max(interval.BucketOf(from), 0) - 1) : 0;
        var through = query.To is { } to ? index.RankThrough(interval, interval.BucketOf(to)) : count;
        var total = Math.Max(0, through - before);
        var offset = Math.Max(0, (long)(query.Page - 1) * query.Limit);
        var size = (int)Math.Clamp(total - offset, 0, Math.Max(0, query.Limit));
        if (size == 0)
        {
            return new CandlePage([], total);
        }

        var start = index.BucketAt(interval, query.Descending ? through - offset : before + 1 + offset);
        var candles = query.Descending
            ? book.Range(interval, long.MinValue, start, descending: true)
            : book.Range(interval, start, long.MaxValue);
        return new CandlePage(candles.Take(size).ToList(), total);
    }
}
