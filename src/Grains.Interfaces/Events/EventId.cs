namespace Spin.Grains.Interfaces.Events;

/// <summary>Identifies one event: the transaction signature and the index of the event among the
/// SpinPet <c>Program data:</c> lines of that transaction.</summary>
[GenerateSerializer, Immutable, Alias("Spin.Grains.Interfaces.Events.EventId")]
public readonly record struct EventId([property: Id(0)] string Signature, [property: Id(1)] int Index)
{
    /// <inheritdoc />
    public override string ToString() => $"{Signature}:{Index}";
}
