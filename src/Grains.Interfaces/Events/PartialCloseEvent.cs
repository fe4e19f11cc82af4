namespace Spin.Grains.Interfaces.Events;

/// <summary>An order was closed in part; the trailing fields are the order's remaining state.</summary>
[GenerateSerializer, Immutable, Alias("Spin.Grains.Interfaces.Events.PartialCloseEvent")]
public sealed record PartialCloseEvent(
    [property: Id(0)] string Payer,
    [property: Id(1)] string UserSolAccount,
    [property: Id(2)] string MintAccount,
    [property: Id(3)] bool IsCloseLong,
    [property: Id(4)] ulong FinalTokenAmount,
    [property: Id(5)] ulong FinalSolAmount,
    [property: Id(6)] ulong UserCloseProfit,
    [property: Id(7)] UInt128 LatestPrice,
    [property: Id(8)] string OrderPda,
    [property: Id(9)] byte OrderType,
    [property: Id(10)] string OrderMint,
    [property: Id(11)] string User,
    [property: Id(12)] UInt128 LockLpStartPrice,
    [property: Id(13)] UInt128 LockLpEndPrice,
    [property: Id(14)] ulong LockLpSolAmount,
    [property: Id(15)] ulong LockLpTokenAmount,
    [property: Id(16)] uint StartTime,
    [property: Id(17)] uint EndTime,
    [property: Id(18)] ulong MarginSolAmount,
    [property: Id(19)] ulong BorrowAmount,
    [property: Id(20)] ulong PositionAssetAmount,
    [property: Id(21)] ushort BorrowFee) : SpinEvent
{
    /// <inheritdoc />
    public override SpinEventType Type => SpinEventType.PartialClose;
}
