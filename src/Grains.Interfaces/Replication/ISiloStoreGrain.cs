using Spin.Grains.Interfaces.Catalog;

namespace Spin.Grains.Interfaces.Replication;

/// <summary>The whole store of the silo its key names (<c>silo/store</c>), pinned there: what the mints whose data that
/// silo holds (as primary, replica or a leftover copy) say about a user or a catalog shard.</summary>
[Alias("Spin.Grains.Interfaces.Replication.ISiloStoreGrain")]
public interface ISiloStoreGrain : IGrainWithStringKey
{
    /// <summary>The mints (base58) with an event concerning <paramref name="user"/> in this silo's store.</summary>
    [Alias("MintsOf")]
    Task<IReadOnlyList<string>> MintsOf(string user);

    /// <summary>The listings of catalog shard <paramref name="shard"/> in this silo's store.</summary>
    [Alias("Listings")]
    Task<IReadOnlyList<MintListing>> Listings(int shard);
}
