namespace Spin.Grains.Interfaces.Events;

/// <summary>An event as observed on chain: its identity, slot, block time (Unix seconds) and body.</summary>
[GenerateSerializer, Immutable, Alias("Spin.Grains.Interfaces.Events.ChainEvent")]
public sealed record ChainEvent(
    [property: Id(0)] EventId Id,
    [property: Id(1)] ulong Slot,
    [property: Id(2)] long BlockTime,
    [property: Id(3)] SpinEvent Body);
