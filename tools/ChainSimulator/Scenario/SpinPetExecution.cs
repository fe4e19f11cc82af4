using Spin.Chain.SpinPet;
using Spin.Grains.Interfaces.Events;

namespace Spin.ChainSimulator.Scenario;

/// <summary>Plays one SpinPet instruction into a trace: its instruction log, CPIs into System and Token (the Token
/// CPI sometimes logs data of its own, which is not SpinPet's), noise lines that contain "success", its events,
/// sometimes return data, then success, or an Anchor error after the first event.</summary>
public sealed class SpinPetExecution(Random random, Keys keys)
{
    private static readonly string[] Chatter =
    [
        "Trade executed successfully",
        "Order list updated successfully",
        "Fees distributed successfully!",
    ];

    /// <summary>The accounts the instruction passes to its CPIs, as indexes into the message.</summary>
    public sealed record Accounts(int Payer, int UserToken, int PoolToken, int PoolSol, int System, int Token);

    /// <summary>Runs SpinPet (already invoked in <paramref name="trace"/>); returns the events it emitted.</summary>
    public IReadOnlyList<SpinEvent> Run(ExecutionTrace trace, Accounts accounts, IReadOnlyList<SpinEvent> events, SpinPetError? error)
    {
        trace.Log($"Instruction: {InstructionLogName(events[0])}");
        trace.Invoke(accounts.System, [accounts.Payer, accounts.PoolSol], InstructionData.SystemTransfer(Lamports()));
        trace.Succeed(150);
        if (error is not null)
        {
            trace.Data(SpinPetEventEncoder.Encode(events[0]));
            TokenTransfer(trace, accounts, events[0].Mint);
            trace.Log(error.AnchorLog);
            trace.Fail(Units(), error.RuntimeMessage);
            return [events[0]];
        }

        var transferAt = random.Next(events.Count + 1);
        var chatterAt = random.Next(events.Count + 1);
        for (var i = 0; i <= events.Count; i++)
        {
            if (i == transferAt)
            {
                TokenTransfer(trace, accounts, events[0].Mint);
            }

            if (i == chatterAt)
            {
                trace.Log(Chatter[random.Next(Chatter.Length)]);
            }

            if (i < events.Count)
            {
                trace.Data(SpinPetEventEncoder.Encode(events[i]));
            }
        }

        if (random.Next(3) == 0)
        {
            trace.Return(BitConverter.GetBytes(Lamports()));
        }

        trace.Succeed(Units());
        return events;
    }

    /// <summary>A well-formed SpinPet event that some other program logs: it must never count as SpinPet's.</summary>
    public BuySellEvent LookAlike(string mint) =>
        new(keys.Key(), mint, random.Next(2) == 0, Lamports() * 1000, Lamports(), (UInt128)Lamports() * 1_000_000_000_000);

    /// <summary>The IDL instruction that emits <paramref name="first"/> as its first event.</summary>
    public static string InstructionName(SpinEvent first) => first switch
    {
        TokenCreatedEvent => "create",
        BuySellEvent { IsBuy: false } => "sell",
        LongShortEvent { OrderType: 1 } => "long",
        LongShortEvent => "short",
        FullCloseEvent { IsCloseLong: true } or PartialCloseEvent { IsCloseLong: true } => "close_long",
        FullCloseEvent or PartialCloseEvent => "close_short",
        _ => "buy",
    };

    private void TokenTransfer(ExecutionTrace trace, Accounts accounts, string mint)
    {
        trace.Invoke(accounts.Token, [accounts.PoolToken, accounts.UserToken, accounts.Payer], InstructionData.TokenTransfer(Lamports()));
        trace.Log("Instruction: Transfer");
        if (random.Next(4) == 0)
        {
            trace.Data(SpinPetEventEncoder.Encode(LookAlike(mint)));
        }

        trace.Succeed(4_645);
    }

    private static string InstructionLogName(SpinEvent first) =>
        string.Concat(InstructionName(first).Split('_').Select(part => char.ToUpperInvariant(part[0]) + part[1..]));

    private ulong Lamports() => (ulong)random.NextInt64(1_000_000, 5_000_000_000);

    private ulong Units() => (ulong)random.Next(20_000, 90_000);
}
