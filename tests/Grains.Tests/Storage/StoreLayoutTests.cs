using System.Text;
using Spin.Chain.Binary;
using Spin.Grains.Catalog;
using Spin.Grains.Interfaces.Catalog;
using Spin.Grains.Mints;
using Spin.Grains.Storage;
using Spin.Grains.Tests.Infrastructure;
using Spin.Grains.Users;

namespace Spin.Grains.Tests.Storage;

/// <summary>A store written before the user index and the listings moved into the mints' batches (layout 1: no layout
/// marker, user and catalog keys of another shape) is rebuilt from the mints' logs when it is opened; a store of a newer
/// layout is refused with a message that says what to do.</summary>
public sealed class StoreLayoutTests : IDisposable
{
    private readonly StoreFixture _store = new();

    public void Dispose() => _store.Dispose();

    [Fact]
    public void AStoreOfTheOldLayoutGetsItsUserIndexAndListingsRebuiltFromTheMintsLogs()
    {
        var mint = TestEvents.Key();
        var trade = TestEvents.BuySell(mint, 4, solAmount: 123);
        new MintBooks(_store.Store, mint).Load().Write([TestEvents.BuySell(mint, 3, solAmount: 100), trade]);
        MakeLayoutOne(_store.Store, trade.Body.Payer);

        _store.Reopen();

        var store = _store.Store;
        Assert.Equal([mint], UserIndex.MintsOf(store, PublicKey.Parse(trade.Body.Payer)).Select(m => PublicKey.ToBase58(m)));
        Assert.Equal([2L], new MintBooks(store, mint).Load().ReadUser(trade.Body.Payer).Events.Select(e => e.Seq));
        // The old keys are gone: the user has one index key (the trade), the catalog one listing (the mint's, at seq 2).
        Assert.Single(Keys(store, StoreColumn.Users), k => k.AsSpan().StartsWith(PublicKey.Parse(trade.Body.Payer)));
        var (key, value) = Assert.Single(Keys(store, StoreColumn.Catalog).Select(k => (k, store.Get(StoreColumn.Catalog, k)!)));
        var listing = ListingRecord.Decode(key, value);
        Assert.Equal((mint, 3UL, 223UL, 2L), (listing.Mint, listing.FirstSlot, listing.VolumeLamports, listing.Seq));
        Assert.Equal(StoreKeys.Listing((ushort)CatalogShards.Of(mint), PublicKey.Parse(mint)), key);
    }

    [Fact]
    public void AStoreOfANewerLayoutIsRefused()
    {
        _store.Store.Put(StoreColumn.Meta, StoreKeys.Meta("layout"), [0, 0, 0, 9]);

        var refused = Assert.Throws<InvalidOperationException>(_store.Reopen);

        Assert.Contains("layout 9", refused.Message);
        Assert.Contains("newer version", refused.Message);
    }

    private static List<byte[]> Keys(RocksStore store, StoreColumn column)
    {
        var keys = new List<byte[]>();
        using var iterator = store.NewIterator(column);
        for (iterator.SeekToFirst(); iterator.Valid(); iterator.Next())
        {
            keys.Add(iterator.Key());
        }

        return keys;
    }

    // What layout 1 left: no marker, a user grain's keys (user | 'e' | ...), a version key, a catalog shard's index keys.
    private static void MakeLayoutOne(RocksStore store, string user)
    {
        store.Delete(StoreColumn.Meta, StoreKeys.Meta("layout"));
        using (var iterator = store.NewIterator(StoreColumn.Users))
        {
            for (iterator.SeekToFirst(); iterator.Valid(); iterator.Next())
            {
                store.Delete(StoreColumn.Users, iterator.Key());
            }
        }

        using (var iterator = store.NewIterator(StoreColumn.Catalog))
        {
            for (iterator.SeekToFirst(); iterator.Valid(); iterator.Next())
            {
                store.Delete(StoreColumn.Catalog, iterator.Key());
            }
        }

        store.Put(StoreColumn.Users, [.. PublicKey.Parse(user), (byte)'e', .. Encoding.ASCII.GetBytes("old-entry")], [1, 2, 3]);
        store.Put(StoreColumn.Users, [.. PublicKey.Parse(user), 0xFF, (byte)'v'], [0, 0, 0, 0, 0, 0, 0, 4]);
        store.Put(StoreColumn.Catalog, [0, 3, (byte)'s', 0, 0, 0, 0, 0, 0, 0, 1, .. PublicKey.Parse(user)], []);
    }
}
