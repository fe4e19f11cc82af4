namespace Spin.Grains.Interfaces.Events;

/// <summary>A spot buy or sell against the curve.</summary>
[GenerateSerializer, Immutable, Alias("Spin.Grains.Interfaces.Events.BuySellEvent")]
public sealed record BuySellEvent(
    [property: Id(0)] string Payer,
    [property: Id(1)] string MintAccount,
    [property: Id(2)] bool IsBuy,
    [property: Id(3)] ulong TokenAmount,
    [property: Id(4)] ulong SolAmount,
    [property: Id(5)] UInt128 LatestPrice) : SpinEvent
{
    /// <inheritdoc />
    public override SpinEventType Type => SpinEventType.BuySell;
}
