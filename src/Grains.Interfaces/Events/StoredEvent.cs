namespace Spin.Grains.Interfaces.Events;

/// <summary>An event as stored by its mint: the mint's sequence number (1-based, chain order) and the event.</summary>
[GenerateSerializer, Immutable, Alias("Spin.Grains.Interfaces.Events.StoredEvent")]
public sealed record StoredEvent([property: Id(0)] long Seq, [property: Id(1)] ChainEvent Event);
