using Spin.Chain.SpinPet;
using Spin.Grains.Interfaces.Events;

namespace Spin.ChainSimulator.Scenario;

/// <summary>Writes transaction logs the way the runtime does: invoke/success/failed frames, compute-unit lines,
/// CPIs into System and Token, and the program's <c>Program data:</c> lines.</summary>
public sealed class LogBuilder(Random random, string programId, string routerId, string foreignId)
{
    /// <summary>The System program.</summary>
    public const string SystemProgram = "11111111111111111111111111111111";

    /// <summary>The SPL Token program.</summary>
    public const string TokenProgram = "TokenkegQfeZyiNwAJbNbGsPcRKfsFqzSQ2gPK8tJY9";

    /// <summary>The Compute Budget program.</summary>
    public const string ComputeBudgetProgram = "ComputeBudget111111111111111111111111111111";

    /// <summary>Logs of a SpinPet call (direct, or through the router at depth 2) emitting <paramref name="events"/>;
    /// a failing call emits its first event, then fails.</summary>
    public List<string> SpinPet(IReadOnlyList<SpinEvent> events, bool viaRouter, bool fail)
    {
        var logs = new List<string>
        {
            $"Program {ComputeBudgetProgram} invoke [1]",
            $"Program {ComputeBudgetProgram} success",
        };
        var depth = 1;
        if (viaRouter)
        {
            logs.Add($"Program {routerId} invoke [1]");
            logs.Add("Program log: Instruction: Route");
            depth = 2;
        }

        logs.Add($"Program {programId} invoke [{depth}]");
        logs.Add($"Program log: Instruction: {Instruction(events[0])}");
        AddTokenTransfer(logs, depth + 1);
        logs.Add("Program log: Trade executed successfully");
        foreach (var spinEvent in fail ? events.Take(1) : events)
        {
            logs.Add(Data(SpinPetEventEncoder.Encode(spinEvent)));
        }

        var units = random.Next(20_000, 120_000);
        logs.Add($"Program {programId} consumed {units} of 200000 compute units");
        logs.Add(fail ? $"Program {programId} failed: custom program error: 0x178e" : $"Program {programId} success");
        if (viaRouter)
        {
            logs.Add($"Program {routerId} consumed {units + 3_000} of 200000 compute units");
            logs.Add(fail ? $"Program {routerId} failed: custom program error: 0x178e" : $"Program {routerId} success");
        }

        return logs;
    }

    /// <summary>Logs of another program that takes SpinPet as an account and logs look-alike event data.</summary>
    public List<string> Foreign(SpinEvent lookAlike) =>
    [
        $"Program {foreignId} invoke [1]",
        "Program log: Instruction: Mirror",
        Data(SpinPetEventEncoder.Encode(lookAlike)),
        $"Program {foreignId} consumed 9000 of 200000 compute units",
        $"Program {foreignId} success",
    ];

    private void AddTokenTransfer(List<string> logs, int depth)
    {
        logs.Add($"Program {SystemProgram} invoke [{depth}]");
        logs.Add($"Program {SystemProgram} success");
        logs.Add($"Program {TokenProgram} invoke [{depth}]");
        logs.Add("Program log: Instruction: Transfer");
        if (random.Next(4) == 0)
        {
            // Data logged by a program SpinPet calls is not SpinPet's; it must not be indexed.
            var bytes = new byte[48];
            random.NextBytes(bytes);
            SpinPetDiscriminators.Bytes[SpinEventType.BuySell].CopyTo(bytes, 0);
            logs.Add(Data(bytes));
        }

        logs.Add($"Program {TokenProgram} consumed 4645 of 180000 compute units");
        logs.Add($"Program {TokenProgram} success");
    }

    private static string Data(byte[] payload) => "Program data: " + Convert.ToBase64String(payload);

    private static string Instruction(SpinEvent first) => first switch
    {
        TokenCreatedEvent => "Create",
        BuySellEvent b => b.IsBuy ? "Buy" : "Sell",
        LongShortEvent l => l.OrderType == 1 ? "Long" : "Short",
        FullCloseEvent or PartialCloseEvent => "CloseLong",
        _ => "Buy",
    };
}
