namespace Spin.Grains.Interfaces.Catalog;

/// <summary>The next entries of one shard in a sort order, how many mints the shard lists, and whether the shard could
/// not yet reach every silo (the listing may be incomplete).</summary>
[GenerateSerializer, Immutable, Alias("Spin.Grains.Interfaces.Catalog.CatalogPage")]
public sealed record CatalogPage([property: Id(0)] IReadOnlyList<CatalogEntry> Entries, [property: Id(1)] long Total, [property: Id(2)] bool Syncing = false);
