using Spin.Grains.Interfaces.Orders;

namespace Spin.Grains.Interfaces.Users;

/// <summary>A user's open orders, and whether a mint they come from is still catching up (the list may be incomplete).</summary>
[GenerateSerializer, Immutable, Alias("Spin.Grains.Interfaces.Users.UserOrders")]
public sealed record UserOrders([property: Id(0)] IReadOnlyList<MarginOrder> Orders, [property: Id(1)] bool Syncing = false);
