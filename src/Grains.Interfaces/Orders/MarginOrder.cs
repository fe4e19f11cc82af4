namespace Spin.Grains.Interfaces.Orders;

/// <summary>An open margin order (spin-server's OrderData): type 1 = long (down_orders), 2 = short (up_orders).</summary>
[GenerateSerializer, Immutable, Alias("Spin.Grains.Interfaces.Orders.MarginOrder")]
public sealed record MarginOrder(
    [property: Id(0)] byte OrderType,
    [property: Id(1)] string Mint,
    [property: Id(2)] string User,
    [property: Id(3)] UInt128 LockLpStartPrice,
    [property: Id(4)] UInt128 LockLpEndPrice,
    [property: Id(5)] ulong LockLpSolAmount,
    [property: Id(6)] ulong LockLpTokenAmount,
    [property: Id(7)] uint StartTime,
    [property: Id(8)] uint EndTime,
    [property: Id(9)] ulong MarginSolAmount,
    [property: Id(10)] ulong BorrowAmount,
    [property: Id(11)] ulong PositionAssetAmount,
    [property: Id(12)] ushort BorrowFee,
    [property: Id(13)] string OrderPda)
{
    /// <summary>True for short orders (the up_orders side).</summary>
    public bool IsUp => OrderType == 2;
}
