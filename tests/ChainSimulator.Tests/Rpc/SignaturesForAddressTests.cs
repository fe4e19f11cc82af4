using System.Text.Json;
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
    public async Task DefaultsToAThousandAndAnswersEmptyForOtherAddresses()
    {
        var page = await Host.ResultAsync("getSignaturesForAddress", $"""["{Chains.ProgramId}"]""");
        var other = await Host.ResultAsync("getSignaturesForAddress", """["11111111111111111111111111111111"]""");

        Assert.Equal(1000, page.GetArrayLength());
        Assert.Equal(0, other.GetArrayLength());
    }
}
