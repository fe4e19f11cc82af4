namespace Spin.Grains.Interfaces.Catalog;

/// <summary>One shard of the mint catalog (by a stable hash of the mint), with indexes per sort order in RocksDB.</summary>
[Alias("Spin.Grains.Interfaces.Catalog.ICatalogShardGrain")]
public interface ICatalogShardGrain : IGrainWithIntegerKey
{
    /// <summary>Inserts or moves a mint in every index; idempotent.</summary>
    [Alias("Upsert")]
    Task Upsert(MintListing listing);

    /// <summary>Up to <paramref name="limit"/> entries strictly after <paramref name="after"/> in the order.</summary>
    [Alias("Page")]
    Task<CatalogPage> Page(CatalogSort sort, CatalogEntry? after, int limit);
}
