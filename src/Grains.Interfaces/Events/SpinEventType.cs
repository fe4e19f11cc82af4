namespace Spin.Grains.Interfaces.Events;

/// <summary>The seven events of the SpinPet program, tagged as spin-server tags them.</summary>
public enum SpinEventType : byte
{
    TokenCreated = 1,
    BuySell = 2,
    LongShort = 3,
    ForceLiquidate = 4,
    FullClose = 5,
    PartialClose = 6,
    MilestoneDiscount = 7,
}
