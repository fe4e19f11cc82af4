namespace Spin.Grains.Interfaces.Catalog;

/// <summary>The next entries of one shard in a sort order, and how many mints the shard lists.</summary>
[GenerateSerializer, Immutable, Alias("Spin.Grains.Interfaces.Catalog.CatalogPage")]
public sealed record CatalogPage([property: Id(0)] IReadOnlyList<CatalogEntry> Entries, [property: Id(1)] long Total);
