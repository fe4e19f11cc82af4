using RocksDbSharp;
using Spin.Chain.Binary;
using Spin.Grains.Candles;
using Spin.Grains.Interfaces.Candles;
using Spin.Grains.Interfaces.Events;
using Spin.Grains.Tests.Infrastructure;

namespace Spin.Grains.Tests.Candles;

public sealed class CandlePagingTests : IDisposable
{
    private const long T0 = 1_767_225_600;
    private readonly StoreFixture _store = new();
    private readonly string _mint = TestEvents.Key();
    private readonly CandleBook _book;

    public CandlePagingTests() => _book = new CandleBook(_store.Store, PublicKey.Parse(_mint));

    public static TheoryData<int> Seeds() => [.. Enumerable.Range(1, 24)];

    public void Dispose() => _store.Dispose();

    [Theory]
    [MemberData(nameof(Seeds))]
    public void PagesLikeANaiveScanThroughGapsLateBucketsAndAbandonedBatches(int seed)
    {
        var random = new Random(seed);
        var events = Timeline(random, random.Next(50, 600));

        for (var start = 0; start < events.Count;)
        {
            var batch = events.Skip(start).Take(random.Next(1, 40)).ToList();
            if (random.NextDouble() < 0.1)
            {
                Abandon(batch);
            }

            CandleReference.Apply(_store.Store, _book, batch);
            if (random.NextDouble() < 0.1)
            {
                CandleReference.Apply(_store.Store, _book, batch);
            }

            start += batch.Count;
            if (random.NextDouble() < 0.15)
            {
                AssertPagesOfEveryInterval(random, events[start - 1].BlockTime);
            }
        }

        AssertPagesOfEveryInterval(random, events[^1].BlockTime);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void KeepsTheGapFilledSeriesConsistentWithTheStoredCandles(int seed)
    {
        var random = new Random(seed);
        CandleReference.Apply(_store.Store, _book, Timeline(random, 300));

        foreach (var interval in new[] { CandleInterval.M15, CandleInterval.H1, CandleInterval.D1 })
        {
            var stored = _book.Read(new CandleQuery(interval, 1, 1000, Descending: false)).Candles;
            var filled = _book.Read(new CandleQuery(interval, 1, 1000, Descending: false, FillGaps: true));

            Assert.Equal(((stored[^1].Time - stored[0].Time) / interval.Seconds()) + 1, filled.Total);
            Assert.Equal(stored, filled.Candles.Where(c => c.UpdateCount > 0));
        }
    }

    private void AssertPagesOfEveryInterval(Random random, long now)
    {
        foreach (var interval in CandleIntervals.All)
        {
            Assert.Equal(_book.Range(interval, long.MinValue, long.MaxValue).Count(), CandleReference.IndexedCount(_store.Store, PublicKey.Parse(_mint), interval));
            foreach (var descending in new[] { false, true })
            {
                var from = T0 - 4_000 + random.NextInt64(now - T0 + 8_000);
                var to = from + random.NextInt64(-100, now - from + 4_000);
                CandleReference.AssertPages(_book, interval, descending);
                CandleReference.AssertPages(_book, interval, descending, from: from);
                CandleReference.AssertPages(_book, interval, descending, to: to);
                CandleReference.AssertPages(_book, interval, descending, from, to);
            }
        }
    }

    // Mostly non-decreasing times a few seconds apart, with gaps, and one event in ten late: before the newest bucket,
    // into an existing bucket or a new one, sometimes before the first.
    private List<ChainEvent> Timeline(Random random, int count)
    {
        var time = T0 + random.Next(100);
        var events = new List<ChainEvent>(count);
        for (var i = 0; i < count; i++)
        {
            var roll = random.NextDouble();
            time += roll < 0.05 ? random.Next(100, 20_000) : random.Next(0, 4);
            var at = roll > 0.9 ? time - random.Next(0, 30_000) : time;
            events.Add(CandleReference.Trade(_mint, at, (ulong)random.Next(1, 1_000)));
        }

        return events;
    }

    private void Abandon(IReadOnlyList<ChainEvent> events)
    {
        using var batch = new WriteBatch();
        _book.Stage(events, batch);
        _book.Discard();
    }
}
