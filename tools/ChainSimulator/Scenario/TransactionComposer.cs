using Spin.Chain.SpinPet;
using Spin.ChainSimulator.Ledger;
using Spin.Grains.Interfaces.Events;

namespace Spin.ChainSimulator.Scenario;

/// <summary>Builds whole transactions: the message (keys, header, Compute Budget + program instruction), the
/// execution trace, balances, signature and blockhash. SpinPet is called directly or through a router (CPI depth 2);
/// a foreign program takes SpinPet as an account and logs SpinPet look-alike data.</summary>
public sealed class TransactionComposer(Random random, Keys keys, string programId, string routerId, string foreignId)
{
    private const uint Budget = 200_000;
    private const ulong AccountRent = 2_039_280;
    private readonly SpinPetExecution _spinPet = new(random, keys);

    /// <summary>A transaction that calls SpinPet; with an <paramref name="error"/> it fails after the first event.</summary>
    public SimTransaction SpinPet(ulong slot, IReadOnlyList<SpinEvent> events, bool viaRouter, SpinPetError? error)
    {
        string[] writable = [PayerOf(events[0]), keys.Key(), keys.Key(), keys.Key(), events[0].Mint];
        string[] programs = viaRouter
            ? [ProgramIds.ComputeBudget, routerId, programId, ProgramIds.System, ProgramIds.Token]
            : [ProgramIds.ComputeBudget, programId, ProgramIds.System, ProgramIds.Token];
        string[] accountKeys = [.. writable, .. programs];
        var trace = new ExecutionTrace(accountKeys, Budget);
        var instructions = new List<SimInstruction> { ComputeBudget(trace, accountKeys) };
        var accounts = new SpinPetExecution.Accounts(0, 1, 2, 3, Index(accountKeys, ProgramIds.System), Index(accountKeys, ProgramIds.Token));
        int[] spinAccounts = [0, 1, 2, 3, 4, accounts.System, accounts.Token];
        var spinData = InstructionData.SpinPet(SpinPetExecution.InstructionName(events[0]), Amount(), Amount());
        trace.BeginInstruction(1);
        if (viaRouter)
        {
            int[] routerAccounts = [Index(accountKeys, programId), .. spinAccounts];
            var routerData = InstructionData.Opaque(0x5E7A_11CE, Amount());
            instructions.Add(new SimInstruction(Index(accountKeys, routerId), routerAccounts, routerData, 1, null));
            trace.Invoke(Index(accountKeys, routerId), routerAccounts, routerData);
            trace.Log("Instruction: Route");
        }
        else
        {
            instructions.Add(new SimInstruction(Index(accountKeys, programId), spinAccounts, spinData, 1, null));
        }

        trace.Invoke(Index(accountKeys, programId), spinAccounts, spinData);
        var emitted = _spinPet.Run(trace, accounts, events, error);
        if (viaRouter)
        {
            EndRouter(trace, error);
        }

        return Build(slot, error?.ToJson(1), writable.Length, accountKeys, programs.Length, instructions, trace, emitted);
    }

    /// <summary>A transaction of another program that mentions SpinPet and logs SpinPet-encoded data itself.</summary>
    public SimTransaction Foreign(ulong slot, string mint)
    {
        string[] writable = [keys.Key(), keys.Key(), keys.Key()];
        string[] readOnly = [ProgramIds.ComputeBudget, foreignId, programId, mint];
        string[] accountKeys = [.. writable, .. readOnly];
        var trace = new ExecutionTrace(accountKeys, Budget);
        var instructions = new List<SimInstruction> { ComputeBudget(trace, accountKeys) };
        int[] accounts = [0, 1, 2, Index(accountKeys, programId), Index(accountKeys, mint)];
        var data = InstructionData.Opaque(0xF0_4E16, Amount());
        instructions.Add(new SimInstruction(Index(accountKeys, foreignId), accounts, data, 1, null));
        trace.BeginInstruction(1);
        trace.Invoke(Index(accountKeys, foreignId), accounts, data);
        trace.Log("Instruction: Mirror");
        for (var i = random.Next(1, 3); i > 0; i--)
        {
            trace.Data(SpinPetEventEncoder.Encode(_spinPet.LookAlike(mint)));
        }

        trace.Succeed((ulong)random.Next(5_000, 15_000));
        return Build(slot, null, writable.Length, accountKeys, readOnly.Length, instructions, trace, []);
    }

    private static SimInstruction ComputeBudget(ExecutionTrace trace, string[] accountKeys)
    {
        var index = Index(accountKeys, ProgramIds.ComputeBudget);
        var data = InstructionData.ComputeUnitLimit(Budget);
        trace.BeginInstruction(0);
        trace.Invoke(index, [], data);
        trace.Succeed(150);
        return new SimInstruction(index, [], data, 0, null);
    }

    private void EndRouter(ExecutionTrace trace, SpinPetError? error)
    {
        var units = (ulong)random.Next(2_000, 6_000);
        if (error is null)
        {
            trace.Succeed(units);
        }
        else
        {
            trace.Fail(units, error.RuntimeMessage);
        }
    }

    private SimTransaction Build(ulong slot, string? error, int writable, string[] accountKeys, int readOnly,
        List<SimInstruction> instructions, ExecutionTrace trace, IReadOnlyList<SpinEvent> events)
    {
        var payer = (ulong)random.NextInt64(100_000_000, 50_000_000_000);
        var pre = accountKeys.Select((key, i) => i == 0 ? payer : i < writable ? AccountRent : ProgramIds.Balance(key)).ToArray();
        var post = pre.Select((balance, i) => i == 0 ? balance - SimExecution.Fee : balance).ToArray();
        var execution = new SimExecution([.. trace.Logs], [.. trace.InnerInstructions], trace.ComputeUnits, trace.ReturnData, pre, post);
        var message = new SimMessage(accountKeys, readOnly, keys.Key(), instructions);
        return new SimTransaction(keys.Signature(), slot, ChainLedger.BlockTimeOf(slot), error, random.Next(2) == 0, message, execution, events);
    }

    private static string PayerOf(SpinEvent first) => first switch
    {
        TokenCreatedEvent e => e.Payer,
        BuySellEvent e => e.Payer,
        LongShortEvent e => e.Payer,
        FullCloseEvent e => e.Payer,
        PartialCloseEvent e => e.Payer,
        ForceLiquidateEvent e => e.Payer,
        MilestoneDiscountEvent e => e.Payer,
        _ => throw new InvalidOperationException($"Unknown event {first.GetType().Name}"),
    };

    private static int Index(string[] accountKeys, string key) => Array.IndexOf(accountKeys, key);

    private ulong Amount() => (ulong)random.NextInt64(1_000_000, 10_000_000_000);
}
