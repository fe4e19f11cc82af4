namespace Spin.Grains.Interfaces.Events;

/// <summary>An order was closed in full.</summary>
[GenerateSerializer, Immutable, Alias("Spin.Grains.Interfaces.Events.FullCloseEvent")]
public sealed record FullCloseEvent(
    [property: Id(0)] string Payer,
    [property: Id(1)] string UserSolAccount,
    [property: Id(2)] string MintAccount,
    [property: Id(3)] bool IsCloseLong,
    [property: Id(4)] ulong FinalTokenAmount,
    [property: Id(5)] ulong FinalSolAmount,
    [property: Id(6)] ulong UserCloseProfit,
    [property: Id(7)] UInt128 LatestPrice,
    [property: Id(8)] string OrderPda) : SpinEvent
{
    /// <inheritdoc />
    public override SpinEventType Type => SpinEventType.FullClose;
}
