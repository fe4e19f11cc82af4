using System.Text.RegularExpressions;
using Spin.Chain.SpinPet;
using Spin.ChainSimulator.Ledger;
using Spin.ChainSimulator.Scenario;
using Spin.ChainSimulator.Tests.Infrastructure;
using Spin.Grains.Interfaces.Events;

namespace Spin.ChainSimulator.Tests.Scenario;

public sealed class ScenarioGeneratorTests
{
    private static readonly (List<SimTransaction> Transactions, ScenarioGenerator Generator) Generated =
        Chains.Generate(new SimulatorOptions { Seed = 42, Mints = 20 }, 4000);

    private static List<SimTransaction> Chain => Generated.Transactions;

    [Fact]
    public void SameSeedAndOptionsGiveTheSameChain()
    {
        var again = Chains.Generate(seed: 42, count: 4000);

        Assert.Equal(Chain.Select(Fingerprint), again.Select(Fingerprint));
    }

    [Fact]
    public void AnotherSeedGivesAnotherChain()
    {
        var other = Chains.Generate(seed: 43, count: 200);

        Assert.Empty(other.Select(t => t.Signature).Intersect(Chain.Select(t => t.Signature)));
        Assert.NotEqual(Chain.Take(200).Select(t => t.Events.Count), other.Select(t => t.Events.Count));
    }

    [Fact]
    public void SignaturesAreUniqueSixtyFourByteValues()
    {
        Assert.Equal(Chain.Count, Chain.Select(t => t.Signature).Distinct().Count());
        Assert.All(Chain, t => Assert.Equal(64, SimpleBase.Base58.Bitcoin.Decode(t.Signature).Length));
        Assert.All(Chain, t => Assert.Equal(32, SimpleBase.Base58.Bitcoin.Decode(t.Message.RecentBlockhash).Length));
    }

    [Fact]
    public void EventsOfAMintFollowItsLaunchAndMintsStayWithinTheRequestedNumber()
    {
        var launched = new HashSet<string>();
        foreach (var spinEvent in Chain.Where(t => !t.Failed).SelectMany(t => t.Events))
        {
            if (spinEvent is TokenCreatedEvent created)
            {
                Assert.True(launched.Add(created.MintAccount), "a mint is launched once");
            }
            else
            {
                Assert.Contains(spinEvent.Mint, launched);
            }
        }

        Assert.Equal(20, launched.Count);
    }

    [Fact]
    public void ClosesAndLiquidationsReferToOpenOrdersOfTheirMint()
    {
        var open = new Dictionary<string, string>(); // order pda → mint
        foreach (var spinEvent in Chain.Where(t => !t.Failed).SelectMany(t => t.Events))
        {
            switch (spinEvent)
            {
                case LongShortEvent opened:
                    Assert.True(open.TryAdd(opened.OrderPda, opened.MintAccount), "an order pda is opened once");
                    Assert.Equal(opened.MintAccount, opened.OrderMint);
                    Assert.InRange(opened.OrderType, 1, 2);
                    break;
                case PartialCloseEvent partial:
                    Assert.Equal(partial.MintAccount, open[partial.OrderPda]);
                    break;
                case FullCloseEvent full:
                    Assert.True(open.Remove(full.OrderPda, out var mint) && mint == full.MintAccount, "full close of an open order");
                    break;
                case ForceLiquidateEvent liquidated:
                    Assert.True(open.Remove(liquidated.OrderPda, out var owner) && owner == liquidated.MintAccount, "liquidation of an open order");
                    break;
            }
        }
    }

    [Fact]
    public void EventsAreExactlyTheDataLinesLoggedWhileSpinPetExecutes()
    {
        foreach (var tx in Chain)
        {
            var emitted = LogFrames.DataOf(tx.Logs, Chains.ProgramId);

            Assert.Equal(tx.Events.Select(SpinPetEventEncoder.Encode), emitted);
        }
    }

    [Fact]
    public void ForeignTransactionsMentionSpinPetAndLogLookAlikesButEmitNothing()
    {
        var foreign = Chain.Where(t => t.AccountKeys[t.Message.Instructions[1].ProgramIndex] == Generated.Generator.ForeignId).ToList();

        Assert.InRange(foreign.Count, 100, 400);
        Assert.All(foreign, t =>
        {
            Assert.Null(t.Error);
            Assert.Empty(t.Events);
            Assert.Contains(Chains.ProgramId, t.AccountKeys);
            var lookAlikes = LogFrames.Attributed(t.Logs).Where(l => l.Line.StartsWith("Program data: ", StringComparison.Ordinal)).ToList();
            Assert.NotEmpty(lookAlikes);
            Assert.All(lookAlikes, l => Assert.NotEqual(Chains.ProgramId, l.Program));
            Assert.All(lookAlikes, l => Assert.True(SpinPetDiscriminators.TryGetType(Convert.FromBase64String(l.Line[14..]).AsSpan(0, 8), out _)));
        });
    }

    [Fact]
    public void FailedTransactionsCarryAnInstructionErrorAndASpinPetEventThatDoesNotCount()
    {
        var failed = Chain.Where(t => t.Failed).ToList();

        Assert.InRange(failed.Count, 100, 400);
        Assert.All(failed, t =>
        {
            var code = int.Parse(Regex.Match(t.Error!, """^\{"InstructionError":\[1,\{"Custom":(60\d\d)\}\]\}$""").Groups[1].Value);
            Assert.Single(t.Events);
            Assert.Contains($"Program {Chains.ProgramId} failed: custom program error: 0x{code:x}", t.Logs);
        });
    }

    [Fact]
    public void TheChainExercisesEveryRealismFeature()
    {
        var lines = Chain.SelectMany(t => LogFrames.Attributed(t.Logs)).ToList();

        Assert.Contains(Chain, t => t.Logs.Contains($"Program {Chains.ProgramId} invoke [2]"));
        Assert.Contains(lines, l => l.Program == ProgramIds.Token && l.Line.StartsWith("Program data: ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Program == Chains.ProgramId && l.Line.StartsWith("Program log: ", StringComparison.Ordinal) && l.Line.Contains(" success", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Line.StartsWith($"Program return: {Chains.ProgramId} ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Line.StartsWith($"Program {Chains.ProgramId} consumed ", StringComparison.Ordinal));
        Assert.Contains(Chain, t => !t.Failed && t.Events.OfType<ForceLiquidateEvent>().Count() >= 2);
        Assert.Contains(Chain, t => !t.Failed && t.Events.GroupBy(e => e.Type).Any(g => g.Count() >= 2 && g.Key != SpinEventType.ForceLiquidate));
        Assert.All(Enum.GetValues<SpinEventType>(), type => Assert.Contains(Chain, t => t.Events.Any(e => e.Type == type)));
        Assert.Contains(Chain, t => t.Versioned);
        Assert.Contains(Chain, t => !t.Versioned);
        Assert.True(Chain.GroupBy(t => t.Slot).All(g => g.Count() > 1), "several transactions per slot");
    }

    [Fact]
    public void ComputeUnitsOfTheMetaAddUpTheTopLevelConsumption()
    {
        foreach (var tx in Chain.Take(300))
        {
            var topLevel = LogFrames.Attributed(tx.Logs)
                .Where(l => l.Depth == 1 && l.Line.StartsWith($"Program {l.Program} consumed ", StringComparison.Ordinal))
                .Aggregate(0UL, (sum, l) => sum + ulong.Parse(l.Line.Split(' ')[3]));

            Assert.Equal(topLevel + 150, tx.Execution.ComputeUnits);
        }
    }

    private static string Fingerprint(SimTransaction t) =>
        $"{t.Signature}|{t.Slot}|{t.BlockTime}|{t.Error}|{t.Versioned}|{string.Join('\n', t.Logs)}|{string.Join(',', t.AccountKeys)}";
}
