namespace Spin.Grains.Interfaces.Events;

/// <summary>A leveraged long (order type 1) or short (order type 2) order was opened.</summary>
[GenerateSerializer, Immutable, Alias("Spin.Grains.Interfaces.Events.LongShortEvent")]
public sealed record LongShortEvent(
    [property: Id(0)] string Payer,
    [property: Id(1)] string MintAccount,
    [property: Id(2)] string OrderPda,
    [property: Id(3)] UInt128 LatestPrice,
    [property: Id(4)] byte OrderType,
    [property: Id(5)] string OrderMint,
    [property: Id(6)] string User,
    [property: Id(7)] UInt128 LockLpStartPrice,
    [property: Id(8)] UInt128 LockLpEndPrice,
    [property: Id(9)] ulong LockLpSolAmount,
    [property: Id(10)] ulong LockLpTokenAmount,
    [property: Id(11)] uint StartTime,
    [property: Id(12)] uint EndTime,
    [property: Id(13)] ulong MarginSolAmount,
    [property: Id(14)] ulong BorrowAmount,
    [property: Id(15)] ulong PositionAssetAmount,
    [property: Id(16)] ushort BorrowFee) : SpinEvent
{
    /// <inheritdoc />
    public override SpinEventType Type => SpinEventType.LongShort;
}
