using RocksDbSharp;
using Spin.Chain.Binary;
using Spin.Grains.Candles;
using Spin.Grains.Interfaces.Candles;
using Spin.Grains.Storage;
using Spin.Grains.Tests.Infrastructure;

namespace Spin.Grains.Tests.Candles;

public sealed class CandleIndexTests : IDisposable
{
    private const long T0 = 1_767_225_600;
    private readonly StoreFixture _store = new();
    private readonly string _mint = TestEvents.Key();
    private readonly byte[] _mintKey;

    public CandleIndexTests() => _mintKey = PublicKey.Parse(_mint);

    public void Dispose() => _store.Dispose();

    [Fact]
    public void RenumbersTheTailWhenABucketIsCreatedBeforeTheNewest()
    {
        var book = Book();
        Apply(book, T0 + 60);
        Apply(book, T0 + 120);
        Apply(book, T0 + 30);
        Apply(book, T0 + 90, T0, T0 + 150);

        var asc = Enumerable.Range(1, 3).Select(p => Times(book, new CandleQuery(CandleInterval.S30, p, 2, Descending: false)));
        var desc = Times(book, new CandleQuery(CandleInterval.S30, 2, 4, Descending: true));
        var ranged = book.Read(new CandleQuery(CandleInterval.S30, 2, 2, Descending: true, From: T0 + 61, To: T0 + 149));

        Assert.Equal([[T0, T0 + 30], [T0 + 60, T0 + 90], [T0 + 120, T0 + 150]], asc);
        Assert.Equal([T0 + 30, T0], desc);
        Assert.Equal(3, ranged.Total);
        Assert.Equal([T0 + 60], ranged.Candles.Select(c => c.Time));
        Assert.Equal(6, CandleReference.IndexedCount(_store.Store, _mintKey, CandleInterval.S30));
    }

    [Fact]
    public void IndexesCandlesStoredBeforeTheIndexOnTheFirstRead()
    {
        var buckets = StoreWithoutIndex(CandleInterval.S1, 500);

        CandleReference.AssertPages(Book(), CandleInterval.S1, descending: true);
        CandleReference.AssertPages(Book(), CandleInterval.S1, descending: false, from: buckets[100], to: buckets[400]);
        _store.Reopen();

        Assert.Equal(500, CandleReference.IndexedCount(_store.Store, _mintKey, CandleInterval.S1));
        CandleReference.AssertPages(Book(), CandleInterval.S1, descending: true, from: buckets[7] + 1);
    }

    [Fact]
    public void IndexesCandlesStoredBeforeTheIndexInTheNextBatch()
    {
        var buckets = StoreWithoutIndex(CandleInterval.S30, 200);
        var book = Book();
        var gap = buckets.Zip(buckets.Skip(1)).First(p => p.Second - p.First > 30).First + 30;

        Apply(book, buckets[^1] + 30);

        Assert.Equal(201, CandleReference.IndexedCount(_store.Store, _mintKey, CandleInterval.S30));
        CandleReference.AssertPages(book, CandleInterval.S30, descending: false);

        Apply(book, buckets[0] - 30, buckets[50] + 1, gap, buckets[^1] + 300);

        Assert.Equal(204, CandleReference.IndexedCount(_store.Store, _mintKey, CandleInterval.S30));
        CandleReference.AssertPages(book, CandleInterval.S30, descending: true);
        CandleReference.AssertPages(book, CandleInterval.S30, descending: false, from: buckets[49], to: buckets[52]);
        CandleReference.AssertPages(book, CandleInterval.S1, descending: false);
    }

    [Fact]
    public void AnswersAnIntervalWithoutCandlesWithoutWritingAnIndex()
    {
        var book = Book();

        var page = book.Read(new CandleQuery(CandleInterval.M5, 1, 50, Descending: true, From: T0, To: T0 + 600));
        var all = book.Read(new CandleQuery(CandleInterval.M5, 1, 50, Descending: false));

        Assert.Equal((0, 0, 0, 0), (page.Total, page.Candles.Count, all.Total, all.Candles.Count));
        Assert.Null(CandleReference.IndexedCount(_store.Store, _mintKey, CandleInterval.M5));
    }

    [Fact]
    public void LeavesTheIndexUnchangedWhenABatchIsAbandoned()
    {
        var book = Book();
        Apply(book, T0 + 30);
        using (var batch = new WriteBatch())
        {
            book.Stage([CandleReference.Trade(_mint, T0), CandleReference.Trade(_mint, T0 + 60)], batch);
            book.Discard();
        }

        Apply(book, T0 + 90);

        Assert.Equal(2, CandleReference.IndexedCount(_store.Store, _mintKey, CandleInterval.S30));
        Assert.Equal([T0 + 30, T0 + 90], Times(book, new CandleQuery(CandleInterval.S30, 1, 10, Descending: false)));
    }

    private CandleBook Book() => new(_store.Store, _mintKey);

    private void Apply(CandleBook book, params long[] times) =>
        CandleReference.Apply(_store.Store, book, times.Select(t => CandleReference.Trade(_mint, t)));

    // Candles as the book wrote them before it kept an index: candle keys only, at random distinct buckets.
    private List<long> StoreWithoutIndex(CandleInterval interval, int count)
    {
        var random = new Random(count);
        var buckets = Enumerable.Range(0, count * 3).Select(i => T0 + (i * interval.Seconds())).OrderBy(_ => random.Next()).Take(count).Order().ToList();
        foreach (var bucket in buckets)
        {
            _store.Store.Put(StoreColumn.Candles, StoreKeys.Candle(_mintKey, (byte)interval, bucket), CandleCodec.Encode(new Candle(bucket, 5, 9, 1, 7, 3, 2)));
        }

        return buckets;
    }

    private static List<long> Times(CandleBook book, CandleQuery query) => book.Read(query).Candles.Select(c => c.Time).ToList();
}
