using Spin.Grains.Interfaces.Events;
using Spin.Grains.Interfaces.Orders;

namespace Spin.Grains.Interfaces.Users;

/// <summary>What one mint batch means for one user: events for the user's history, orders opened or changed, and
/// orders closed or liquidated (by pda). Applying it twice changes nothing.</summary>
[GenerateSerializer, Immutable, Alias("Spin.Grains.Interfaces.Users.UserUpdate")]
public sealed record UserUpdate(
    [property: Id(0)] string Mint,
    [property: Id(1)] IReadOnlyList<ChainEvent> Events,
    [property: Id(2)] IReadOnlyList<MarginOrder> OpenOrders,
    [property: Id(3)] IReadOnlyList<string> ClosedOrders);
