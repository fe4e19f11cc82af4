using System.Buffers.Binary;
using RocksDbSharp;
using Spin.Grains.Candles;
using Spin.Grains.Interfaces.Candles;
using Spin.Grains.Interfaces.Events;
using Spin.Grains.Storage;
using Spin.Grains.Tests.Infrastructure;

namespace Spin.Grains.Tests.Candles;

/// <summary>The naive paging the index replaces: every stored candle scanned, filtered, skipped and taken.</summary>
internal static class CandleReference
{
    /// <summary>Asserts that the book answers <paramref name="query"/> as the naive scan of its stored candles does.</summary>
    public static void AssertPage(CandleBook book, CandleQuery query)
    {
        var all = book.Range(query.Interval, long.MinValue, long.MaxValue).ToList();
        var lo = query.From is { } from ? query.Interval.BucketOf(from) : long.MinValue;
        var hi = query.To is { } to ? query.Interval.BucketOf(to) : long.MaxValue;
        var matching = all.Where(c => c.Time >= lo && c.Time <= hi).ToList();
        if (query.Descending)
        {
            matching.Reverse();
        }

        var expected = matching.Skip((query.Page - 1) * query.Limit).Take(query.Limit).ToList();

        var page = book.Read(query);

        Assert.True(matching.Count == page.Total, $"total of {query}: expected {matching.Count}, got {page.Total}");
        Assert.True(expected.SequenceEqual(page.Candles), $"page of {query}: expected [{Times(expected)}], got [{Times(page.Candles)}]");
    }

    /// <summary>Asserts the naive answer for the first, second, last and past-the-end pages of several sizes.</summary>
    public static void AssertPages(CandleBook book, CandleInterval interval, bool descending, long? from = null, long? to = null)
    {
        foreach (var limit in new[] { 0, 1, 7, 100 })
        {
            var total = (int)book.Read(new CandleQuery(interval, 1, 1, descending, from, to)).Total;
            var last = limit == 0 ? 1 : Math.Max(1, (total + limit - 1) / limit);
            foreach (var page in new[] { 1, 2, last - 1, last, last + 1 }.Where(p => p >= 1).Distinct())
            {
                AssertPage(book, new CandleQuery(interval, page, limit, descending, from, to));
            }
        }
    }

    /// <summary>Writes candle updates for <paramref name="events"/> in one batch, as MintGrain does.</summary>
    public static void Apply(RocksStore store, CandleBook book, IEnumerable<ChainEvent> events)
    {
        using var batch = new WriteBatch();
        book.Stage(events, batch);
        store.Write(batch);
        book.Discard();
    }

    /// <summary>A trade of <paramref name="mint"/> at <paramref name="time"/>.</summary>
    public static ChainEvent Trade(string mint, long time, ulong price = 100) =>
        new(new EventId(TestEvents.Key(), 0), 1, time, new BuySellEvent(TestEvents.Key(), mint, true, 1, 1, price));

    /// <summary>The stored count of the interval's index, or null when it has none.</summary>
    public static long? IndexedCount(RocksStore store, byte[] mint, CandleInterval interval) =>
        store.Get(StoreColumn.Candles, StoreKeys.CandleCount(mint, (byte)interval)) is { } value ? BinaryPrimitives.ReadInt64BigEndian(value) : null;

    private static string Times(IEnumerable<Candle> candles) => string.Join(", ", candles.Select(c => c.Time));
}
