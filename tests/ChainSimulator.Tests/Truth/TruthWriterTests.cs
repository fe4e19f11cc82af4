using System.Text.Json;
using Spin.ChainSimulator.Ledger;
using Spin.ChainSimulator.Tests.Infrastructure;
using Spin.ChainSimulator.Truth;
using Spin.Grains.Interfaces.Events;

namespace Spin.ChainSimulator.Tests.Truth;

public sealed class TruthWriterTests
{
    private static readonly List<SimTransaction> Chain = Chains.Generate(seed: 9, count: 1500, mints: 12);
    private static readonly JsonElement Truth = JsonDocument.Parse(TruthWriter.Write(Chains.ProgramId, Chain)).RootElement;

    [Fact]
    public void HoldsEveryEventOfEverySuccessfulTransactionAndNothingElse()
    {
        var expected = Chain.Where(t => !t.Failed).SelectMany(t => t.Events.Select((e, i) => (t.Signature, i))).ToHashSet();

        var actual = AllEvents().Select(e => (e.GetProperty("signature").GetString()!, e.GetProperty("event_index").GetInt32())).ToList();

        Assert.Equal(expected.Count, actual.Count);
        Assert.True(expected.SetEquals(actual));
        Assert.Equal(Chains.ProgramId, Truth.GetProperty("program_id").GetString());
        Assert.Equal(Chain.Count, Truth.GetProperty("transactions").GetInt32());
    }

    [Fact]
    public void ListsEachMintsEventsInChainOrder()
    {
        var position = Chain.Select((t, i) => (t.Signature, i)).ToDictionary(p => p.Signature, p => p.i);
        foreach (var mint in Truth.GetProperty("mints").EnumerateObject())
        {
            var keys = mint.Value.EnumerateArray().Select(e => (position[e.GetProperty("signature").GetString()!], e.GetProperty("event_index").GetInt32())).ToList();

            Assert.Equal(keys.Order(), keys);
            Assert.Equal("TokenCreated", mint.Value[0].GetProperty("event_type").GetString());
            Assert.All(mint.Value.EnumerateArray(), e => Assert.Equal(mint.Name, e.GetProperty("mint_account").GetString()));
        }
    }

    [Fact]
    public void WritesIdlFieldNamesWithU128AsDecimalStringsAndTheOrderMintAsMint()
    {
        var tx = Chain.First(t => !t.Failed && t.Events.OfType<LongShortEvent>().Any());
        var index = tx.Events.ToList().FindIndex(e => e is LongShortEvent);
        var opened = (LongShortEvent)tx.Events[index];

        var json = AllEvents().Single(e => e.GetProperty("signature").GetString() == tx.Signature && e.GetProperty("event_index").GetInt32() == index);

        Assert.Equal(
            ["event_type", "payer", "mint_account", "order_pda", "latest_price", "order_type", "mint", "user", "lock_lp_start_price",
             "lock_lp_end_price", "lock_lp_sol_amount", "lock_lp_token_amount", "start_time", "end_time", "margin_sol_amount",
             "borrow_amount", "position_asset_amount", "borrow_fee", "timestamp", "signature", "slot", "event_index"],
            json.EnumerateObject().Select(p => p.Name));
        Assert.Equal(opened.LatestPrice.ToString(), json.GetProperty("latest_price").GetString());
        Assert.Equal(opened.OrderMint, json.GetProperty("mint").GetString());
        Assert.Equal(opened.MarginSolAmount, json.GetProperty("margin_sol_amount").GetUInt64());
        Assert.Equal(tx.Slot, json.GetProperty("slot").GetUInt64());
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(tx.BlockTime).UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ"), json.GetProperty("timestamp").GetString());
    }

    [Fact]
    public void WritesTokenCreatedTextBeforeItsFeesAsSpinServerDoes()
    {
        var created = AllEvents().First(e => e.GetProperty("event_type").GetString() == "TokenCreated");

        var names = created.EnumerateObject().Select(p => p.Name).ToList();

        Assert.True(names.IndexOf("uri") < names.IndexOf("swap_fee"));
        Assert.StartsWith("Token ", created.GetProperty("name").GetString());
        Assert.StartsWith("TK", created.GetProperty("symbol").GetString());
        Assert.StartsWith("https://ipfs.io/ipfs/Qm", created.GetProperty("uri").GetString());
    }

    [Fact]
    public void BlockTimesAdvanceFourTenthsOfASecondPerSlotFromGenesis()
    {
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds(), ChainLedger.BlockTimeOf(ChainLedger.GenesisSlot));
        Assert.Equal(ChainLedger.BlockTimeOf(ChainLedger.GenesisSlot) + 4, ChainLedger.BlockTimeOf(ChainLedger.GenesisSlot + 10));
        Assert.Equal(ChainLedger.BlockTimeOf(ChainLedger.GenesisSlot) + 1, ChainLedger.BlockTimeOf(ChainLedger.GenesisSlot + 4));
    }

    private static IEnumerable<JsonElement> AllEvents() =>
        Truth.GetProperty("mints").EnumerateObject().SelectMany(m => m.Value.EnumerateArray());
}
