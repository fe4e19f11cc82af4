namespace Spin.ChainSimulator.Ledger;

/// <summary>The signed message of a transaction: signer and writable keys first, read-only programs last.</summary>
public sealed record SimMessage(
    IReadOnlyList<string> AccountKeys,
    int ReadonlyUnsigned,
    string RecentBlockhash,
    IReadOnlyList<SimInstruction> Instructions);
