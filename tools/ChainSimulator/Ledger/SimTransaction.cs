using Spin.Grains.Interfaces.Events;

namespace Spin.ChainSimulator.Ledger;

/// <summary>A transaction on the simulated chain.</summary>
/// <param name="Error">The transaction error as raw JSON (<c>{"InstructionError":[1,{"Custom":6030}]}</c>), null on success.</param>
/// <param name="Events">SpinPet events emitted while SpinPet executed, in log order (their index is the event index);
/// empty for foreign transactions. They count as truth only when the transaction succeeded.</param>
public sealed record SimTransaction(
    string Signature,
    ulong Slot,
    long BlockTime,
    string? Error,
    bool Versioned,
    SimMessage Message,
    SimExecution Execution,
    IReadOnlyList<SpinEvent> Events)
{
    /// <summary>True when the transaction failed (its effects were rolled back).</summary>
    public bool Failed => Error is not null;

    /// <summary>The log lines, as logsNotification and getTransaction carry them.</summary>
    public IReadOnlyList<string> Logs => Execution.Logs;

    /// <summary>The account keys of the message.</summary>
    public IReadOnlyList<string> AccountKeys => Message.AccountKeys;
}
