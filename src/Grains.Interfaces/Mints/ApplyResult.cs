namespace Spin.Grains.Interfaces.Mints;

/// <summary>What one <see cref="IMintGrain.Apply"/> call did: events stored, duplicates skipped, the mint's last sequence.</summary>
[GenerateSerializer, Immutable, Alias("Spin.Grains.Interfaces.Mints.ApplyResult")]
public sealed record ApplyResult([property: Id(0)] int Applied, [property: Id(1)] int Duplicates, [property: Id(2)] long LastSeq);
