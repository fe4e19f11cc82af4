namespace Spin.ChainSimulator.Ledger;

/// <summary>What executing a transaction recorded: logs, CPIs, compute units, return data and balances.</summary>
public sealed record SimExecution(
    IReadOnlyList<string> Logs,
    IReadOnlyList<SimInstruction> InnerInstructions,
    ulong ComputeUnits,
    SimReturnData? ReturnData,
    IReadOnlyList<ulong> PreBalances,
    IReadOnlyList<ulong> PostBalances)
{
    /// <summary>The fee every simulated transaction pays (one signature).</summary>
    public const ulong Fee = 5000;
}

/// <summary>Data a program set with <c>set_return_data</c>.</summary>
public sealed record SimReturnData(string ProgramId, byte[] Data);
