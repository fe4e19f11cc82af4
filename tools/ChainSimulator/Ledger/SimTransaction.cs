using Spin.Grains.Interfaces.Events;

namespace Spin.ChainSimulator.Ledger;

/// <summary>A transaction on the simulated chain.</summary>
/// <param name="Events">SpinPet events emitted while SpinPet executed, in log order (their index is the event index);
/// empty for foreign transactions. They count as truth only when the transaction succeeded.</param>
public sealed record SimTransaction(
    string Signature,
    ulong Slot,
    long BlockTime,
    string? Error,
    bool Versioned,
    IReadOnlyList<string> AccountKeys,
    int ProgramIndex,
    string RecentBlockhash,
    IReadOnlyList<string> Logs,
    IReadOnlyList<SpinEvent> Events)
{
    /// <summary>True when the transaction failed (its effects were rolled back).</summary>
    public bool Failed => Error is not null;
}
