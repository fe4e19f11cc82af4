namespace Spin.ChainSimulator.Scenario;

/// <summary>Well-known program ids the simulated transactions call.</summary>
public static class ProgramIds
{
    /// <summary>The System program (a builtin: no compute-unit line in the logs).</summary>
    public const string System = "11111111111111111111111111111111";

    /// <summary>The SPL Token program.</summary>
    public const string Token = "TokenkegQfeZyiNwAJbNbGsPcRKfsFqzSQ2gPK8tJY9";

    /// <summary>The Compute Budget program (a builtin).</summary>
    public const string ComputeBudget = "ComputeBudget111111111111111111111111111111";

    /// <summary>True for programs the runtime implements natively; they log no <c>consumed</c> line.</summary>
    public static bool IsBuiltin(string programId) => programId is System or ComputeBudget;

    /// <summary>Lamports held by a program account (native loaders 1, deployed programs their rent).</summary>
    public static ulong Balance(string programId) => programId switch
    {
        System or ComputeBudget => 1,
        Token => 934_087_680,
        _ => 1_141_440,
    };
}
