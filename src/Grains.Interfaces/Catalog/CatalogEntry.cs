namespace Spin.Grains.Interfaces.Catalog;

/// <summary>A mint and the value it is sorted by; also a cursor position (pages continue strictly after it).</summary>
[GenerateSerializer, Immutable, Alias("Spin.Grains.Interfaces.Catalog.CatalogEntry")]
public sealed record CatalogEntry([property: Id(0)] ulong SortValue, [property: Id(1)] string Mint);
