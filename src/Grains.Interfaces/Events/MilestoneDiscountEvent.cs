namespace Spin.Grains.Interfaces.Events;

/// <summary>The curve's fees changed after a milestone.</summary>
[GenerateSerializer, Immutable, Alias("Spin.Grains.Interfaces.Events.MilestoneDiscountEvent")]
public sealed record MilestoneDiscountEvent(
    [property: Id(0)] string Payer,
    [property: Id(1)] string MintAccount,
    [property: Id(2)] string CurveAccount,
    [property: Id(3)] ushort SwapFee,
    [property: Id(4)] ushort BorrowFee,
    [property: Id(5)] byte FeeDiscountFlag) : SpinEvent
{
    /// <inheritdoc />
    public override SpinEventType Type => SpinEventType.MilestoneDiscount;
}
