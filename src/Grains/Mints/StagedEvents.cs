using Spin.Grains.Interfaces.Events;
using Spin.Grains.Interfaces.Mints;

namespace Spin.Grains.Mints;

/// <summary>The events of a batch that are new to the mint, staged in a write batch, and what applying them yields.</summary>
public sealed record StagedEvents(IReadOnlyList<ChainEvent> Applied, ApplyResult Result);
