namespace Spin.Grains.Interfaces.Events;

/// <summary>An order was force-liquidated.</summary>
[GenerateSerializer, Immutable, Alias("Spin.Grains.Interfaces.Events.ForceLiquidateEvent")]
public sealed record ForceLiquidateEvent(
    [property: Id(0)] string Payer,
    [property: Id(1)] string MintAccount,
    [property: Id(2)] string OrderPda) : SpinEvent
{
    /// <inheritdoc />
    public override SpinEventType Type => SpinEventType.ForceLiquidate;
}
