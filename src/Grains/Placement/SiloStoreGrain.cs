using Orleans.Concurrency;
using Orleans.GrainDirectory;
using Spin.Chain.Binary;
using Spin.Grains.Catalog;
using Spin.Grains.Interfaces.Catalog;
using Spin.Grains.Interfaces.Replication;
using Spin.Grains.Storage;
using Spin.Grains.Users;

namespace Spin.Grains.Placement;

/// <summary>The silo-wide reads that users' histories and catalog shards gather from every silo: the user index and the
/// listings its mints wrote in their own batches.</summary>
// Reentrant: every call is a read of the thread-safe store and keeps no state, so calls need not queue behind each other.
[Reentrant, NamedSiloPlacement, GrainDirectory(GrainDirectoryName = PinnedGrainDirectory.Name)]
public sealed class SiloStoreGrain(RocksStore store) : Grain, ISiloStoreGrain
{
    /// <summary>The key of the store grain of <paramref name="silo"/>.</summary>
    public static string KeyOf(string silo) => NamedSiloPlacement.Key(silo, "store");

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> MintsOf(string user) =>
        Task.FromResult<IReadOnlyList<string>>(UserIndex.MintsOf(store, PublicKey.Parse(user)).Select(m => PublicKey.ToBase58(m)).ToList());

    /// <inheritdoc />
    public Task<IReadOnlyList<MintListing>> Listings(int shard)
    {
        var prefix = StoreKeys.ListingShard((ushort)shard);
        var listings = new List<MintListing>();
        using var iterator = store.NewIterator(StoreColumn.Catalog);
        for (iterator.Seek(prefix); iterator.Valid() && iterator.Key().AsSpan().StartsWith(prefix); iterator.Next())
        {
            listings.Add(ListingRecord.Decode(iterator.Key(), iterator.Value()));
        }

        return Task.FromResult<IReadOnlyList<MintListing>>(listings);
    }
}
