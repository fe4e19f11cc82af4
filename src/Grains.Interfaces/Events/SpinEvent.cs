namespace Spin.Grains.Interfaces.Events;

/// <summary>A decoded SpinPet program event; pubkeys are base58, u64/u128 are kept exact.</summary>
[GenerateSerializer, Immutable, Alias("Spin.Grains.Interfaces.Events.SpinEvent")]
public abstract record SpinEvent
{
    /// <summary>The event's tag.</summary>
    public abstract SpinEventType Type { get; }

    /// <summary>The mint the event belongs to (the key of its MintGrain).</summary>
    public string Mint => this switch
    {
        TokenCreatedEvent e => e.MintAccount,
        BuySellEvent e => e.MintAccount,
        LongShortEvent e => e.MintAccount,
        ForceLiquidateEvent e => e.MintAccount,
        FullCloseEvent e => e.MintAccount,
        PartialCloseEvent e => e.MintAccount,
        MilestoneDiscountEvent e => e.MintAccount,
        _ => throw new InvalidOperationException($"Unknown event {GetType().Name}"),
    };

    /// <summary>The account that paid for (signed) the event; every event has one.</summary>
    public abstract string Payer { get; init; }
}
