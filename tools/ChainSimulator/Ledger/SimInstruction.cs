namespace Spin.ChainSimulator.Ledger;

/// <summary>A compiled instruction: program and accounts as indexes into the message's account keys.</summary>
/// <param name="Outer">For an inner instruction, the index of the top-level instruction that caused it.</param>
/// <param name="StackHeight">Null for top-level instructions (as the RPC renders them), 2 or more for CPIs.</param>
public sealed record SimInstruction(int ProgramIndex, IReadOnlyList<int> Accounts, byte[] Data, int Outer, int? StackHeight);
