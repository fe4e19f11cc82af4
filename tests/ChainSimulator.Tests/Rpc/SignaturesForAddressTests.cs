using System.Text.Json;
using Spin.ChainSimulator.Ledger;
using Spin.ChainSimulator.Tests.Infrastructure;

namespace Spin.ChainSimulator.Tests.Rpc;

public sealed class SignaturesForAddressTests(PrefilledChainFixture fixture) : IClassFixture<PrefilledChainFixture>
{
    private SimulatorHost Host => fixture.Host;

    [Fact]
    public async Task PagesNewestFirstThroughTheWholeChainWithBefore()
    {
        var all = new List<JsonElement>();
        string? before = null;
        while (true)
        {
            var config = before is null ? """{"limit":1000}""" : $$"""{"limit":1000,"before":"{{before}}"}""";
            var page = (await Host.ResultAsync("getSignaturesForAddress", $"""["{Chains.ProgramId}",{config}]""")).EnumerateArray().ToList();
            all.AddRange(page);
            if (page.Count < 1000)
            {
                break;
            }

            before = page[^1].GetProperty("signature").GetString();
        }

        var chain = Host.Ledger.Snapshot();
        Assert.Equal(chain.Select(t => t.Signature).Reverse(), all.Select(s => s.GetProperty("signature").GetString()));
        Assert.Equal(PrefilledChainFixture.Transactions, all.Count);
    }

    [Fact]
    public async Task ExcludesBeforeAndUntilAndStopsAtUntil()
    {
        var chain = Host.Ledger.Snapshot();
        var before = chain[500].Signature;
        var until = chain[480].Signature;

        var page = await Host.ResultAsync("getSignaturesForAddress", $$"""["{{Chains.ProgramId}}",{"before":"{{before}}","until":"{{until}}","limit":100}]""");

        Assert.Equal(chain.Skip(481).Take(19).Select(t => t.Signature).Reverse(), page.EnumerateArray().Select(s => s.GetProperty("signature").GetString()));
    }

    [Fact]
    public async Task ListsEntriesInTheValidatorsShapeIncludingFailedOnes()
    {
        var chain = Host.Ledger.Snapshot();
        var failed = chain.Last(t => t.Failed);
        var next = chain[chain.IndexOf(failed) + 1];

        var entry = (await Host.ResultAsync("getSignaturesForAddress", $$"""["{{Chains.ProgramId}}",{"before":"{{next.Signature}}","limit":1}]"""))[0];

        Assert.Equal(
            $$"""{"blockTime":{{failed.BlockTime}},"confirmationStatus":"confirmed","err":{{failed.Error}},"memo":null,"signature":"{{failed.Signature}}","slot":{{failed.Slot}}}""",
            entry.GetRawText());
    }

    [Fact]
    public async Task DefaultsToAThousandAndAnswersEmptyForAnAddressNoTransactionMentions()
    {
        var page = await Host.ResultAsync("getSignaturesForAddress", $"""["{Chains.ProgramId}"]""");
        var other = await Host.ResultAsync("getSignaturesForAddress", $"""["{Unmentioned}"]""");
        var otherPaged = await Host.ResultAsync("getSignaturesForAddress",
            $$"""["{{Unmentioned}}",{"before":"{{Host.Ledger.Snapshot()[^1].Signature}}","limit":10}]""");

        Assert.Equal(1000, page.GetArrayLength());
        Assert.Equal(0, other.GetArrayLength());
        Assert.Equal(0, otherPaged.GetArrayLength());
    }

    [Fact]
    public async Task PagesAMintsTransactionsNewestFirstIncludingFailedAndForeignOnes()
    {
        var (mint, mentioning) = BusiestMint();
        var all = new List<JsonElement>();
        string? before = null;
        while (true)
        {
            var config = before is null ? """{"limit":7}""" : $$"""{"limit":7,"before":"{{before}}"}""";
            var page = (await Host.ResultAsync("getSignaturesForAddress", $"""["{mint}",{config}]""")).EnumerateArray().ToList();
            all.AddRange(page);
            if (page.Count < 7)
            {
                break;
            }

            before = page[^1].GetProperty("signature").GetString();
        }

        Assert.Equal(mentioning.Select(t => t.Signature).Reverse(), all.Select(s => s.GetProperty("signature").GetString()));
        Assert.Contains(mentioning, t => t.Failed);
        Assert.Contains(mentioning, t => t.Events.Count == 0 && !t.Failed);
        var failed = mentioning.Last(t => t.Failed);
        Assert.Equal(
            $$"""{"blockTime":{{failed.BlockTime}},"confirmationStatus":"confirmed","err":{{failed.Error}},"memo":null,"signature":"{{failed.Signature}}","slot":{{failed.Slot}}}""",
            all.Single(s => s.GetProperty("signature").GetString() == failed.Signature).GetRawText());
    }

    [Fact]
    public async Task BoundsAMintsPageWithBeforeAndUntilAnywhereOnTheChain()
    {
        var (mint, mentioning) = BusiestMint();
        var chain = Host.Ledger.Snapshot();
        var before = mentioning[^3];
        var until = mentioning[2];
        var unrelatedBefore = chain.Last(t => !t.AccountKeys.Contains(mint) && chain.IndexOf(t) < chain.IndexOf(mentioning[^5]));
        var unrelatedUntil = chain.First(t => !t.AccountKeys.Contains(mint) && chain.IndexOf(t) > chain.IndexOf(mentioning[4]));

        var mintBounded = await SignaturesAsync(mint, $$"""{"before":"{{before.Signature}}","until":"{{until.Signature}}","limit":1000}""");
        var limited = await SignaturesAsync(mint, $$"""{"before":"{{before.Signature}}","until":"{{until.Signature}}","limit":3}""");
        var chainBounded = await SignaturesAsync(mint, $$"""{"before":"{{unrelatedBefore.Signature}}","until":"{{unrelatedUntil.Signature}}"}""");

        Assert.Equal(mentioning.Skip(3).Take(mentioning.Count - 6).Select(t => t.Signature).Reverse(), mintBounded);
        Assert.Equal(mintBounded.Take(3), limited);
        var (from, to) = (chain.IndexOf(unrelatedUntil), chain.IndexOf(unrelatedBefore));
        Assert.Equal(mentioning.Where(t => chain.IndexOf(t) > from && chain.IndexOf(t) < to).Select(t => t.Signature).Reverse(), chainBounded);
        Assert.NotEmpty(chainBounded);
    }

    // The Clock sysvar: a valid address that no simulated transaction lists among its account keys.
    private const string Unmentioned = "SysvarC1ock11111111111111111111111111111111";

    private (string Mint, List<SimTransaction> Mentioning) BusiestMint()
    {
        var chain = Host.Ledger.Snapshot();
        var mint = chain.SelectMany(t => t.Events).GroupBy(e => e.Mint).MaxBy(g => g.Count())!.Key;
        return (mint, chain.Where(t => t.AccountKeys.Contains(mint)).ToList());
    }

    private async Task<List<string?>> SignaturesAsync(string address, string config) =>
        (await Host.ResultAsync("getSignaturesForAddress", $"""["{address}",{config}]""")).EnumerateArray()
            .Select(s => s.GetProperty("signature").GetString()).ToList();
}
