namespace Spin.Grains.Interfaces.Events;

/// <summary>A new token was launched on a bonding curve.</summary>
[GenerateSerializer, Immutable, Alias("Spin.Grains.Interfaces.Events.TokenCreatedEvent")]
public sealed record TokenCreatedEvent(
    [property: Id(0)] string Payer,
    [property: Id(1)] string MintAccount,
    [property: Id(2)] string CurveAccount,
    [property: Id(3)] string PoolTokenAccount,
    [property: Id(4)] string PoolSolAccount,
    [property: Id(5)] string FeeRecipient,
    [property: Id(6)] string BaseFeeRecipient,
    [property: Id(7)] string ParamsAccount,
    [property: Id(8)] ushort SwapFee,
    [property: Id(9)] ushort BorrowFee,
    [property: Id(10)] byte FeeDiscountFlag,
    [property: Id(11)] string Name,
    [property: Id(12)] string Symbol,
    [property: Id(13)] string Uri) : SpinEvent
{
    /// <inheritdoc />
    public override SpinEventType Type => SpinEventType.TokenCreated;
}
