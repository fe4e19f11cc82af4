namespace Spin.Grains.Interfaces.Mints;

/// <summary>Where a mint lives: the silo hosting its grain, the silo holding its replica (null with one silo), the newest
/// sequence number stored on the host, the one its durable manifest records, and whether the host is still catching up.</summary>
[GenerateSerializer, Immutable, Alias("Spin.Grains.Interfaces.Mints.MintPlacement")]
public sealed record MintPlacement(
    [property: Id(0)] string Mint,
    [property: Id(1)] string Silo,
    [property: Id(2)] string? Replica,
    [property: Id(3)] long LastSeq,
    [property: Id(4)] long ManifestSeq,
    [property: Id(5)] bool Syncing);
