using RocksDbSharp;
using Spin.Chain.Binary;
using Spin.Grains.Candles;
using Spin.Grains.Interfaces.Candles;
using Spin.Grains.Interfaces.Events;
using Spin.Grains.Tests.Infrastructure;

namespace Spin.Grains.Tests.Candles;

public sealed class CandleBookTests : IDisposable
{
    private const long T0 = 1_767_225_600; // a multiple of every interval
    private readonly StoreFixture _store = new();
    private readonly string _mint = TestEvents.Key();
    private readonly CandleBook _book;

    public CandleBookTests() => _book = new CandleBook(_store.Store, PublicKey.Parse(_mint));

    public void Dispose() => _store.Dispose();

    [Fact]
    public void OpensANewBucketAtThePreviousCloseWithHighAndLowIncludingTheOpen()
    {
        Apply(Trade(T0 + 1, 100, 5), Trade(T0 + 2, 120, 7), Trade(T0 + 31, 90, 11), Close(T0 + 65, 95));

        var candles = Read(CandleInterval.S30);

        Assert.Equal(
        [
            new Candle(T0, 100, 120, 100, 120, 12, 2),
            new Candle(T0 + 30, 120, 120, 90, 90, 11, 1),
            new Candle(T0 + 60, 90, 95, 90, 95, 0, 1),
        ], candles);
    }

    [Fact]
    public void KeepsBucketsOfEveryIntervalAlignedToTheEpoch()
    {
        Apply(Trade(T0 + 3_599, 10, 1), Trade(T0 + 3_600, 20, 1));

        Assert.Equal([T0, T0 + 3_600], Read(CandleInterval.H1).Select(c => c.Time));
        Assert.Equal([T0 + 3_300, T0 + 3_600], Read(CandleInterval.M5).Select(c => c.Time));
        Assert.Equal([T0], Read(CandleInterval.D1).Select(c => c.Time));
        Assert.Equal(2u, Read(CandleInterval.D1).Single().UpdateCount);
    }

    [Fact]
    public void UpdatesAStoredBucketAcrossBatches()
    {
        Apply(Trade(T0 + 1, 100, 5));
        Apply(Trade(T0 + 2, 80, 5));

        Assert.Equal(new Candle(T0, 100, 100, 80, 80, 10, 2), Read(CandleInterval.S30).Single());
    }

    [Fact]
    public void FillsEmptyBucketsWithThePreviousCloseAndNoVolume()
    {
        Apply(Trade(T0, 100, 5), Trade(T0 + 90, 130, 5));

        var page = _book.Read(new CandleQuery(CandleInterval.S30, 1, 10, Descending: true, FillGaps: true));

        Assert.Equal(4, page.Total);
        Assert.Equal(
        [
            new Candle(T0 + 90, 100, 130, 100, 130, 5, 1),
            new Candle(T0 + 60, 100, 100, 100, 100, 0, 0),
            new Candle(T0 + 30, 100, 100, 100, 100, 0, 0),
            new Candle(T0, 100, 100, 100, 100, 5, 1),
        ], page.Candles);
    }

    [Fact]
    public void FiltersByTimeAndPagesWithARealTotal()
    {
        Apply(Enumerable.Range(0, 10).Select(i => Trade(T0 + (i * 30), (ulong)(100 + i), 1)).ToArray());

        var page = _book.Read(new CandleQuery(CandleInterval.S30, 2, 2, Descending: false, From: T0 + 60, To: T0 + 240));

        Assert.Equal(7, page.Total);
        Assert.Equal([T0 + 120, T0 + 150], page.Candles.Select(c => c.Time));
    }

    private List<Candle> Read(CandleInterval interval) => _book.Read(new CandleQuery(interval, 1, 1000, Descending: false)).Candles.ToList();

    private void Apply(params ChainEvent[] events)
    {
        using var batch = new WriteBatch();
        _book.Stage(events, batch);
        _store.Store.Write(batch);
        _book.Discard();
    }

    private ChainEvent Trade(long time, ulong price, ulong lamports) =>
        new(new EventId(TestEvents.Key(), 0), 1, time, new BuySellEvent(TestEvents.Key(), _mint, true, 1, lamports, price));

    private ChainEvent Close(long time, ulong price) =>
        new(new EventId(TestEvents.Key(), 0), 1, time, new FullCloseEvent(TestEvents.Key(), TestEvents.Key(), _mint, true, 1, 2, 3, price, TestEvents.Key()));
}
