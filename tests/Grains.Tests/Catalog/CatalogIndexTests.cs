using Spin.Chain.Binary;
using Spin.Grains.Catalog;
using Spin.Grains.Interfaces.Catalog;
using Spin.Grains.Tests.Infrastructure;

namespace Spin.Grains.Tests.Catalog;

/// <summary>A catalog shard's in-memory index: of two copies of a mint the newer (higher sequence number) wins whatever
/// order they arrive in, and pages walked by cursor list every mint once in the sort order (ties by the mint's bytes).</summary>
public sealed class CatalogIndexTests
{
    [Fact]
    public void TheNewerCopyOfAMintWinsInEitherOrderAndAnOlderOneIsIgnored()
    {
        var mint = TestEvents.Key();
        var (older, newer) = (new MintListing(mint, 10, 100, 5, Seq: 3), new MintListing(mint, 10, 200, 9, Seq: 7));
        var (a, b) = (new CatalogIndex(), new CatalogIndex());

        Assert.True(a.Merge(older));
        Assert.True(a.Merge(newer));
        Assert.True(b.Merge(newer));
        Assert.False(b.Merge(older));
        Assert.False(b.Merge(newer));

        foreach (var index in new[] { a, b })
        {
            Assert.Equal(1, index.Count);
            Assert.Equal([new CatalogEntry(200, mint)], index.Page(CatalogSort.LastTradeDesc, null, 10));
            Assert.Equal([new CatalogEntry(9, mint)], index.Page(CatalogSort.VolumeDesc, null, 10));
        }
    }

    [Theory]
    [InlineData(CatalogSort.SlotAsc)]
    [InlineData(CatalogSort.SlotDesc)]
    [InlineData(CatalogSort.VolumeDesc)]
    [InlineData(CatalogSort.LastTradeDesc)]
    public void PagesByCursorListEveryMintOnceInOrder(CatalogSort sort)
    {
        var random = new Random(7);
        var listings = Enumerable.Range(0, 200)
            .Select(_ => new MintListing(TestEvents.Key(), (ulong)random.Next(5), (ulong)random.Next(5), (ulong)random.Next(5), 1)).ToList();
        var index = new CatalogIndex();
        listings.ForEach(l => index.Merge(l));

        var walked = new List<CatalogEntry>();
        CatalogEntry? cursor = null;
        for (var page = index.Page(sort, null, 7); page.Count > 0; page = index.Page(sort, cursor, 7))
        {
            walked.AddRange(page);
            cursor = page[^1];
        }

        // The expected order, from the listings alone: the sort value, then the mint's bytes; reversed when descending.
        ulong Value(MintListing l) => sort switch { CatalogSort.LastTradeDesc => l.LastTradeTime, CatalogSort.VolumeDesc => l.VolumeLamports, _ => l.FirstSlot };
        var expected = listings.OrderBy(Value).ThenBy(l => Convert.ToHexString(PublicKey.Parse(l.Mint))).Select(l => new CatalogEntry(Value(l), l.Mint)).ToList();
        if (sort != CatalogSort.SlotAsc)
        {
            expected.Reverse();
        }

        Assert.Equal(expected, walked);
    }
}
