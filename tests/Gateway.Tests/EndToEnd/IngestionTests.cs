using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Spin.Gateway.Tests.Infrastructure;

namespace Spin.Gateway.Tests.EndToEnd;

/// <summary>Gap-free ingestion, proven against the chain simulator's ground truth with real processes.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class IngestionTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    private static readonly string[] AllFaults =
    [
        "--mints", "50", "--rate", "250", "--slot-ms", "100",
        "--drop-every-ms", "2000", "--duplicate-rate", "0.05", "--skip-rate", "0.05",
        "--fail-rate", "0.05", "--foreign-rate", "0.05", "--cpi-rate", "0.2", "--multi-rate", "0.2",
    ];

    [Fact]
    public async Task IndexesEveryEventExactlyOnceDespiteDropsDuplicatesSkipsAndFailures()
    {
        using var data = new TempDirectory();
        await using var simulator = await SimulatorProcess.StartAsync(["--seed", "11", "--transactions", "3000", .. AllFaults]);
        await using var gateway = await GatewayProcess.StartAsync(simulator, data.Path);

        await simulator.WaitUntilDoneAsync(Patience);

        await AssertMatchesTruthAsync(simulator, gateway);
        await AssertFaultsHappenedAsync(simulator);
        var status = (await gateway.GetJsonAsync("api/events/status"))["data"]!;
        var truthTotal = (await simulator.GetTruthAsync()).Sum(p => p.Value.Count);
        Assert.Equal(truthTotal, status["total_events_processed"]!.GetValue<long>());
        Assert.True(status["reconnects"]!.GetValue<long>() > 0, $"the listener never reconnected: {status}");
        Assert.True(status["transactions_fetched"]!.GetValue<long>() > 0, $"nothing was backfilled: {status}");
        Assert.True(status["failed_transactions_skipped"]!.GetValue<long>() > 0, $"no failed transaction was seen: {status}");
        var stats = (await gateway.GetJsonAsync("api/events/stats"))["data"]!;
        var truthByType = (await simulator.GetTruthAsync()).Values.SelectMany(e => e).GroupBy(e => e["event_type"]!.GetValue<string>()).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(truthTotal, stats["total"]!.GetValue<long>());
        Assert.Equal(truthByType["BuySell"], stats["buy_sell"]!.GetValue<long>());
        Assert.Equal(truthByType["TokenCreated"], stats["token_created"]!.GetValue<long>());
    }

    [Fact]
    public async Task StaysExactWhenKilledMidStreamAndRestartedOnTheSameData()
    {
        using var data = new TempDirectory();
        await using var simulator = await SimulatorProcess.StartAsync(["--seed", "12", "--transactions", "3000", .. AllFaults]);
        var first = await GatewayProcess.StartAsync(simulator, data.Path);
        await Eventually.HoldsAsync(async () =>
        {
            var produced = (await simulator.GetStatusAsync())["produced"]!.GetValue<long>();
            var mint = (await simulator.GetTruthAsync()).Keys.First();
            var stored = await first.CountEventsAsync(mint);
            return (produced >= 1000 && stored > 0, $"produced {produced}, stored {stored} for {mint}");
        }, Patience, "ingest to be under way");

        await first.Process.KillAsync();
        await first.DisposeAsync();
        await using var second = await GatewayProcess.StartAsync(simulator, data.Path);
        await simulator.WaitUntilDoneAsync(Patience);

        await AssertMatchesTruthAsync(simulator, second);
        await AssertFaultsHappenedAsync(simulator);
    }

    [Fact]
    public async Task BackfillsEverythingProducedBeforeItStarted()
    {
        using var data = new TempDirectory();
        await using var simulator = await SimulatorProcess.StartAsync("--seed", "13", "--mints", "30", "--prefill", "2500", "--transactions", "0");
        await simulator.WaitUntilDoneAsync(Patience);

        await using var gateway = await GatewayProcess.StartAsync(simulator, data.Path);

        await AssertMatchesTruthAsync(simulator, gateway);
    }

    private static async Task AssertCandlesAsync(GatewayProcess gateway, string mint, string interval,
        List<(long Time, double Open, double High, double Low, double Close, double Volume, long Count)> expected)
    {
        var data = (await gateway.GetJsonAsync($"api/kline?mint={mint}&interval={interval}&order_by=time_asc&limit=1000"))["data"]!;
        var actual = data["klines"]!.AsArray().Select(k => (
            k!["time"]!.GetValue<long>(), k["open"]!.GetValue<double>(), k["high"]!.GetValue<double>(), k["low"]!.GetValue<double>(),
            k["close"]!.GetValue<double>(), k["volume"]!.GetValue<double>(), k["update_count"]!.GetValue<long>())).ToList();
        Assert.Equal(expected.Count, data["total"]!.GetValue<long>());
        Assert.Equal(expected.Take(1000), actual);
    }

    private static async Task<int> AssertOrdersAndDetailsAsync(GatewayProcess gateway, string mint, List<JsonObject> events)
    {
        var open = TruthOrders.Open(events);
        foreach (var up in new[] { true, false })
        {
            var expected = TruthOrders.Side(open, up);
            var data = (await gateway.GetJsonAsync($"api/mint_orders?mint={mint}&type={(up ? "up_orders" : "down_orders")}&limit=1000"))["data"]!;
            var actual = data["orders"]!.AsArray().Select(o => o!.AsObject()).ToList();
            Assert.Equal(expected.Count, data["total"]!.GetValue<long>());
            Assert.Equal(expected.Select(o => o["lock_lp_start_price"]!.GetValue<string>()), actual.Select(o => o["lock_lp_start_price"]!.GetValue<string>()));
            foreach (var order in actual)
            {
                var want = open[order["order_pda"]!.GetValue<string>()];
                Assert.All(want, field => Assert.Equal(field.Value!.ToJsonString(), order[field.Key]!.ToJsonString()));
            }
        }

        var (price, totalSol, trades) = TruthOrders.Details(events);
        using var response = await gateway.Http.PostAsJsonAsync("api/details", new { mints = new[] { mint } });
        var details = (await response.Content.ReadFromJsonAsync<JsonObject>())!["data"]!["details"]!.AsArray().Single()!;
        Assert.Equal(price, details["latest_price"]?.GetValue<string>());
        Assert.Equal(totalSol, details["total_sol_amount"]!.GetValue<ulong>());
        Assert.Equal(trades, details["trade_count"]!.GetValue<long>());
        Assert.Equal(events[0]["name"]!.GetValue<string>(), details["name"]!.GetValue<string>());
        return open.Count;
    }

    // Pages through every sort order with small pages: every mint exactly once, in order, with the real total.
    private static async Task AssertCatalogAsync(GatewayProcess gateway, Dictionary<string, List<JsonObject>> truth)
    {
        var firstSlot = truth.ToDictionary(p => p.Key, p => p.Value[0]["slot"]!.GetValue<ulong>());
        var volume = truth.ToDictionary(p => p.Key, p => p.Value.Where(e => e["event_type"]!.GetValue<string>() == "BuySell").Sum(e => (decimal)e["sol_amount"]!.GetValue<ulong>()));
        foreach (var sort in new[] { "slot_desc", "slot_asc", "volume_desc", "last_trade_desc" })
        {
            var listed = new List<string>();
            string? cursor = null;
            do
            {
                var data = (await gateway.GetJsonAsync($"api/mints?sort_by={sort}&limit=7" + (cursor is null ? "" : $"&cursor={cursor}")))["data"]!;
                Assert.Equal(truth.Count, data["total"]!.GetValue<long>());
                listed.AddRange(data["mints"]!.AsArray().Select(m => m!.GetValue<string>()));
                cursor = data["next_cursor"]?.GetValue<string>();
                Assert.Equal(cursor is not null, data["has_next"]!.GetValue<bool>());
            }
            while (cursor is not null);

            Assert.Equal(truth.Keys.Order(), listed.Order());
            var keys = sort switch
            {
                "slot_asc" => listed.Select(m => (decimal)firstSlot[m]).ToList(),
                "slot_desc" => listed.Select(m => -(decimal)firstSlot[m]).ToList(),
                "volume_desc" => listed.Select(m => -volume[m]).ToList(),
                _ => null,
            };
            if (keys is not null)
            {
                Assert.Equal(keys.Order(), keys);
            }
        }
    }

    // A user's history is every event the user paid for, the openings and changes of the user's orders, and the
    // liquidations of them; the open orders are the user's across every mint.
    private static async Task AssertUsersAsync(GatewayProcess gateway, Dictionary<string, List<JsonObject>> truth)
    {
        var all = truth.Values.SelectMany(e => e).ToList();
        var owner = all.Where(e => e["event_type"]!.GetValue<string>() == "LongShort").GroupBy(e => e["order_pda"]!.GetValue<string>())
            .ToDictionary(g => g.Key, g => g.First()["user"]!.GetValue<string>());
        bool Concerns(JsonObject e, string user) => e["payer"]!.GetValue<string>() == user || e["user"]?.GetValue<string>() == user
            || (e["event_type"]!.GetValue<string>() == "ForceLiquidate" && owner.GetValueOrDefault(e["order_pda"]!.GetValue<string>()) == user);
        var open = truth.Values.Select(TruthOrders.Open).SelectMany(o => o.Values).ToList();
        var users = owner.Values.Distinct().ToList();
        Assert.NotEmpty(users);
        foreach (var user in users)
        {
            var expected = all.Where(e => Concerns(e, user)).Select(e => $"{e["signature"]}:{e["event_index"]}").Order().ToList();
            var events = (await gateway.GetJsonAsync($"api/user_event?user={user}&limit=1000"))["data"]!;
            var actual = events["transactions"]!.AsArray().Select(t => $"{t!["signature"]}").ToList();
            Assert.Equal(expected.Count, events["total"]!.GetValue<long>());
            Assert.Equal(expected.Select(x => x.Split(':')[0]).Order(), actual.Order());
            var orders = (await gateway.GetJsonAsync($"api/user_orders?user={user}&limit=1000"))["data"]!;
            var expectedOrders = open.Where(o => o["user"]!.GetValue<string>() == user).Select(o => o["order_pda"]!.GetValue<string>()).Order();
            Assert.Equal(expectedOrders, orders["orders"]!.AsArray().Select(o => o!["order_pda"]!.GetValue<string>()).Order());
        }
    }

    // A run in which no fault fired would prove nothing about them.
    private static async Task AssertFaultsHappenedAsync(SimulatorProcess simulator)
    {
        var status = await simulator.GetStatusAsync();
        Assert.True(status["drops"]!.GetValue<long>() > 0, $"no connection was dropped: {status}");
        Assert.True(status["skipped"]!.GetValue<long>() > 0, $"no notification was skipped: {status}");
        Assert.True(status["duplicated"]!.GetValue<long>() > 0, $"no notification was duplicated: {status}");
    }

    private static async Task AssertMatchesTruthAsync(SimulatorProcess simulator, GatewayProcess gateway)
    {
        var truth = await simulator.GetTruthAsync();
        Assert.NotEmpty(truth);
        await gateway.WaitForEventCountsAsync(truth, Patience);

        foreach (var (mint, events) in truth)
        {
            TruthAssert.SameEvents(mint, events, await gateway.GetAllEventsAsync(mint));
        }

        (string Name, long Seconds)[] intervals = [("s1", 1), ("s30", 30), ("m5", 300), ("m1", 60), ("m15", 900), ("h1", 3_600), ("h4", 14_400), ("d1", 86_400)];
        foreach (var (mint, events) in truth)
        {
            foreach (var (interval, seconds) in intervals)
            {
                await AssertCandlesAsync(gateway, mint, interval, TruthCandles.Of(events, seconds));
            }
        }

        var openOrders = 0;
        foreach (var (mint, events) in truth)
        {
            openOrders += await AssertOrdersAndDetailsAsync(gateway, mint, events);
        }

        Assert.True(openOrders > 0, "no checked mint has an open order; the order comparison proved nothing");

        await gateway.WaitForCatalogAsync(Patience);
        await AssertCatalogAsync(gateway, truth);
        await AssertUsersAsync(gateway, truth);

        var (someMint, someEvents) = truth.MaxBy(p => p.Value.Count);
        var descending = (await gateway.GetJsonAsync($"api/events?mint={someMint}&limit=1000"))["data"]!["events"]!.AsArray();
        TruthAssert.SlotDescendingOrder(someMint, someEvents, descending.Select(e => e!.AsObject()).ToList());
    }
}
