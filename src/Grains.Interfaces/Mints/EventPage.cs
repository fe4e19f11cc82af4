using Spin.Grains.Interfaces.Events;

namespace Spin.Grains.Interfaces.Mints;

/// <summary>One page of a mint's events and the mint's total event count.</summary>
[GenerateSerializer, Immutable, Alias("Spin.Grains.Interfaces.Mints.EventPage")]
public sealed record EventPage([property: Id(0)] IReadOnlyList<StoredEvent> Events, [property: Id(1)] long Total);
