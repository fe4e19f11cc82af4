namespace Spin.Grains.Interfaces.Catalog;

/// <summary>How mints are spread over catalog shards.</summary>
public static class CatalogShards
{
    /// <summary>The number of shards.</summary>
    public const int Count = 16;

    /// <summary>The shard of a mint: FNV-1a of its address, stable across processes and versions.</summary>
    public static int Of(string mint)
    {
        var hash = 2166136261u;
        foreach (var c in mint)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash % Count);
    }

    /// <summary>True when the order is descending.</summary>
    public static bool IsDescending(this CatalogSort sort) => sort != CatalogSort.SlotAsc;
}
