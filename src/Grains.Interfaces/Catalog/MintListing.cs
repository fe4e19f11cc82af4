namespace Spin.Grains.Interfaces.Catalog;

/// <summary>What the catalog sorts a mint by: the slot it was first seen in, its last trade time, its BuySell volume; and
/// the mint's sequence number when it was taken, so that of two copies the newer wins.</summary>
[GenerateSerializer, Immutable, Alias("Spin.Grains.Interfaces.Catalog.MintListing")]
public sealed record MintListing(
    [property: Id(0)] string Mint, [property: Id(1)] ulong FirstSlot, [property: Id(2)] ulong LastTradeTime, [property: Id(3)] ulong VolumeLamports,
    [property: Id(4)] long Seq);
