namespace Spin.Grains.Interfaces.Mints;

/// <summary>A page of a mint's events: 1-based page, page size, and slot order.</summary>
[GenerateSerializer, Immutable, Alias("Spin.Grains.Interfaces.Mints.EventQuery")]
public sealed record EventQuery([property: Id(0)] int Page, [property: Id(1)] int Limit, [property: Id(2)] bool Descending);
