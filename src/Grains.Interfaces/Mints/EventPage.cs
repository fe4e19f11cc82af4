using Spin.Grains.Interfaces.Events;

namespace Spin.Grains.Interfaces.Mints;

/// <summary>One page of a mint's events and the mint's total event count. <c>Syncing</c>: the mint's silo is still catching up
/// its data from a peer, so the page may be incomplete.</summary>
[GenerateSerializer, Immutable, Alias("Spin.Grains.Interfaces.Mints.EventPage")]
public sealed record EventPage([property: Id(0)] IReadOnlyList<StoredEvent> Events, [property: Id(1)] long Total,
    [property: Id(2)] bool Syncing = false);
