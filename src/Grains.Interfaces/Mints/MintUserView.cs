using Spin.Grains.Interfaces.Events;
using Spin.Grains.Interfaces.Orders;

namespace Spin.Grains.Interfaces.Mints;

/// <summary>What one mint holds of one user: the events that concern the user (ascending) and the user's open orders.</summary>
[GenerateSerializer, Immutable, Alias("Spin.Grains.Interfaces.Mints.MintUserView")]
public sealed record MintUserView(
    [property: Id(0)] IReadOnlyList<StoredEvent> Events, [property: Id(1)] IReadOnlyList<MarginOrder> Orders, [property: Id(2)] bool Syncing);
