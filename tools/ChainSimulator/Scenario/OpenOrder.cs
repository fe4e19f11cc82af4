namespace Spin.ChainSimulator.Scenario;

/// <summary>A margin order that is open on the simulated chain.</summary>
public sealed record OpenOrder(
    string Pda, byte OrderType, string User, UInt128 StartPrice, UInt128 EndPrice, ulong LpSol, ulong LpToken,
    uint StartTime, uint EndTime, ulong Margin, ulong Borrow, ulong Position, ushort BorrowFee);
