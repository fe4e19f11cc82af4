using Spin.ChainSimulator.Ledger;
using Spin.ChainSimulator.Scenario;

namespace Spin.ChainSimulator.Tests.Infrastructure;

/// <summary>Generates chains without a server: <paramref name="count"/> transactions, a few per slot.</summary>
public static class Chains
{
    /// <summary>The SpinPet program id.</summary>
    public const string ProgramId = "JBMmrp6jhksqnxDBskkmVvWHhJLaPBjgiMHEroJbUTBZ";

    /// <summary>A generated chain and the generator that made it.</summary>
    public static (List<SimTransaction> Transactions, ScenarioGenerator Generator) Generate(SimulatorOptions options, int count, int perSlot = 7)
    {
        var generator = new ScenarioGenerator(options);
        var transactions = new List<SimTransaction>(count);
        for (var i = 0; i < count; i++)
        {
            transactions.Add(generator.Next(ChainLedger.GenesisSlot + 1 + (ulong)(i / perSlot)));
        }

        return (transactions, generator);
    }

    /// <summary>A chain with the default rates and the given seed.</summary>
    public static List<SimTransaction> Generate(int seed, int count, int mints = 20) =>
        Generate(new SimulatorOptions { Seed = seed, Mints = mints }, count).Transactions;
}
