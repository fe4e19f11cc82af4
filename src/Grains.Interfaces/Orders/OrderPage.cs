namespace Spin.Grains.Interfaces.Orders;

/// <summary>One page of a mint's open orders on one side, and how many that side has. <c>Syncing</c>: the mint's silo is still
/// catching up, so the page may be incomplete.</summary>
[GenerateSerializer, Immutable, Alias("Spin.Grains.Interfaces.Orders.OrderPage")]
public sealed record OrderPage([property: Id(0)] IReadOnlyList<MarginOrder> Orders, [property: Id(1)] long Total,
    [property: Id(2)] bool Syncing = false);
