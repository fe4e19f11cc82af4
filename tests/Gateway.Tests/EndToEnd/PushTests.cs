using System.Text.Json.Nodes;
using Spin.Gateway.Tests.Infrastructure;

namespace Spin.Gateway.Tests.EndToEnd;

/// <summary>Live push over SignalR with real processes and a real .NET client: exactly the truth, in order, and
/// resumable with <c>since</c>.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class PushTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    private static readonly string[] Stream =
    [
        "--mints", "4", "--prefill", "120", "--rate", "200", "--slot-ms", "100",
        "--drop-every-ms", "3000", "--duplicate-rate", "0.05", "--skip-rate", "0.05",
    ];

    [Fact]
    public async Task SubscribersReceiveEveryEventOfTheTruthInOrderAndTheLastStateOfEveryCandle()
    {
        using var data = new TempDirectory();
        await using var simulator = await SimulatorProcess.StartAsync(["--seed", "41", "--transactions", "1500", .. Stream]);
        var mints = (await simulator.GetTruthAsync()).Keys.Order(StringComparer.Ordinal).Take(3).ToList();
        await using var gateway = await GatewayProcess.StartAsync(simulator, data.Path, "--Spin:Push:CandleCoalesce", "00:00:00.200");
        await using var client = await MarketClient.ConnectAsync(gateway.Http.BaseAddress!);
        foreach (var mint in mints)
        {
            var ack = await client.SubscribeEventsAsync(mint, since: 0);
            Assert.Equal(mint, ack["mint"]!.GetValue<string>());
            await client.SubscribeCandlesAsync(mint, "s1", history: 1000);
            await client.SubscribeCandlesAsync(mint, "m1");
        }

        await simulator.WaitUntilDoneAsync(Patience);
        var truth = await simulator.GetTruthAsync();
        await client.WaitForAsync(c => mints.All(m => c.EventsOf(m).Count >= truth[m].Count), Patience, "every event of the truth");

        Assert.Empty(client.Violations);
        foreach (var mint in mints)
        {
            var received = client.EventsOf(mint);
            Assert.Equal(Enumerable.Range(1, truth[mint].Count).Select(i => (long)i), received.Select(e => e.Seq));
            TruthAssert.SameEvents(mint, truth[mint], received.Select(e => e.Event).ToList());
        }

        foreach (var mint in mints)
        {
            foreach (var interval in new[] { "s1", "m1" })
            {
                var served = await KlineAsync(gateway, mint, interval);
                await client.WaitForAsync(c => SameCandles(c, mint, interval, served), TimeSpan.FromSeconds(10),
                    $"the last candle states of {mint} {interval} to equal /api/kline");
            }
        }

        var status = (await gateway.GetJsonAsync("api/kline/status"))["data"]!["stats"]!;
        Assert.Equal(1, status["active_connections"]!.GetValue<int>());
        Assert.Equal(9, status["total_subscriptions"]!.GetValue<int>());
        Assert.Equal(3, status["monitored_mints"]!.GetValue<int>());
    }

    [Fact]
    public async Task AClientThatReconnectsWithSinceEndsWithEveryEventExactlyOnce()
    {
        using var data = new TempDirectory();
        await using var simulator = await SimulatorProcess.StartAsync(["--seed", "42", "--transactions", "4000", .. Stream]);
        var mint = (await simulator.GetTruthAsync()).Keys.Order(StringComparer.Ordinal).First();
        await using var gateway = await GatewayProcess.StartAsync(simulator, data.Path);

        var first = await MarketClient.ConnectAsync(gateway.Http.BaseAddress!);
        await first.SubscribeEventsAsync(mint, since: 0);
        await first.WaitForAsync(c => c.EventsOf(mint).Count >= 150, Patience, "the first client to be mid-stream");
        await first.DisposeAsync();
        var before = first.EventsOf(mint);
        var last = before[^1].Seq;
        await Eventually.HoldsAsync(async () =>
        {
            var stored = await gateway.CountEventsAsync(mint);
            return (stored >= last + 50, $"{stored} stored, {last} received");
        }, Patience, "more events to be indexed while the client is away");

        await using var second = await MarketClient.ConnectAsync(gateway.Http.BaseAddress!);
        var ack = await second.SubscribeEventsAsync(mint, since: last);
        Assert.True(ack["seq"]!.GetValue<long>() >= last + 50);
        await simulator.WaitUntilDoneAsync(Patience);
        var truth = (await simulator.GetTruthAsync())[mint];
        await second.WaitForAsync(c => before.Count + c.EventsOf(mint).Count >= truth.Count, Patience, "the rest of the events");

        var all = before.Concat(second.EventsOf(mint)).ToList();
        Assert.Empty(first.Violations);
        Assert.Empty(second.Violations);
        Assert.Equal(last + 1, second.EventsOf(mint)[0].Seq);
        Assert.Equal(Enumerable.Range(1, truth.Count).Select(i => (long)i), all.Select(e => e.Seq));
        TruthAssert.SameEvents(mint, truth, all.Select(e => e.Event).ToList());
    }

    [Fact]
    public async Task AGatewayAsAnOrleansClientKeepsPushingExactlyAcrossASiloRestart()
    {
        using var data = new TempDirectory();
        // Held until the subscribers are set up, and again from the check that the stream is not over to the kill, so
        // that the silo dies mid-stream however slow the machine is; the chain goes on while it is down.
        await using var simulator = await SimulatorProcess.StartAsync(["--seed", "43", "--transactions", "6000", "--start-paused", "true", .. Stream]);
        var mints = (await simulator.GetTruthAsync()).Keys.Order(StringComparer.Ordinal).Take(2).ToList();
        var (httpPort, siloPort, gatewayPort) = (FreePort.Get(), FreePort.Get(), FreePort.Get());
        var silo = await SiloProcess.StartAsync(simulator, data.Path, httpPort, siloPort, gatewayPort);
        await using var gateway = await GatewayProcess.StartAsync(simulator, data.Path,
            "--Spin:Cluster:Mode", "Client", "--Spin:Cluster:Gateways:0", $"127.0.0.1:{gatewayPort}");
        await using var client = await MarketClient.ConnectAsync(gateway.Http.BaseAddress!);
        foreach (var mint in mints)
        {
            await client.SubscribeEventsAsync(mint, since: 0);
            await client.SubscribeCandlesAsync(mint, "s1", history: 1000);
        }

        // A second client that leaves before the silo dies and comes back with since after it returns.
        var leaving = await MarketClient.ConnectAsync(gateway.Http.BaseAddress!);
        await leaving.SubscribeEventsAsync(mints[0], since: 0);
        await simulator.ControlAsync("resume");
        await client.WaitForAsync(c => mints.All(m => c.EventsOf(m).Count >= 60), Patience, "pushes through the client gateway");
        await leaving.DisposeAsync();
        var leftWith = leaving.EventsOf(mints[0]);

        await simulator.ControlAsync("pause");
        Assert.False((await simulator.GetStatusAsync())["done"]!.GetValue<bool>(), "the stream ended before the silo was killed");
        await silo.Process.KillAsync();
        await simulator.ControlAsync("resume");
        await silo.DisposeAsync();
        var before = mints.ToDictionary(m => m, m => client.EventsOf(m).Count);
        await using var restarted = await SiloProcess.StartAsync(simulator, data.Path, httpPort, siloPort, gatewayPort);
        var restartedAt = DateTime.UtcNow;
        try
        {
            await client.WaitForAsync(c => mints.Any(m => c.EventsOf(m).Count > before[m]), TimeSpan.FromSeconds(60), "pushes to resume after the restart");
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"{ex.Message}\ngateway:\n{gateway.Process.Tail(60)}\nsilo:\n{restarted.Process.Tail(60)}");
        }

        var silence = DateTime.UtcNow - restartedAt;
        await using var back = await MarketClient.ConnectAsync(gateway.Http.BaseAddress!);
        await back.SubscribeEventsAsync(mints[0], since: leftWith[^1].Seq);

        await simulator.WaitUntilDoneAsync(Patience);
        var truth = await simulator.GetTruthAsync();
        await client.WaitForAsync(c => mints.All(m => c.EventsOf(m).Count >= truth[m].Count), Patience, "every event of the truth");
        await back.WaitForAsync(c => leftWith.Count + c.EventsOf(mints[0]).Count >= truth[mints[0]].Count, Patience, "the resumed client to catch up");
        Assert.Empty(client.Violations);
        Assert.Empty(back.Violations);
        foreach (var mint in mints)
        {
            var received = client.EventsOf(mint);
            Assert.Equal(Enumerable.Range(1, truth[mint].Count).Select(i => (long)i), received.Select(e => e.Seq));
            TruthAssert.SameEvents(mint, truth[mint], received.Select(e => e.Event).ToList());
            var served = await KlineAsync(gateway, mint, "s1");
            try
            {
                await client.WaitForAsync(c => SameCandles(c, mint, "s1", served), TimeSpan.FromSeconds(10), $"the last candle states of {mint} to equal /api/kline");
            }
            catch (TimeoutException ex)
            {
                throw new TimeoutException($"{ex.Message}\n{CandleDifferences(client, mint, "s1", served)}");
            }
        }

        var resumed = leftWith.Concat(back.EventsOf(mints[0])).ToList();
        Assert.Equal(Enumerable.Range(1, truth[mints[0]].Count).Select(i => (long)i), resumed.Select(e => e.Seq));
        TruthAssert.SameEvents(mints[0], truth[mints[0]], resumed.Select(e => e.Event).ToList());
        Assert.True(silence < TimeSpan.FromSeconds(30), $"pushes resumed {silence} after the silo was back");
    }

    private static async Task<List<JsonObject>> KlineAsync(GatewayProcess gateway, string mint, string interval) =>
        (await gateway.GetJsonAsync($"api/kline?mint={mint}&interval={interval}&limit=1000&order_by=time_asc"))["data"]!["klines"]!
            .AsArray().Select(k => k!.AsObject()).ToList();

    // Every bucket the client knows equals the served one, and the client knows the newest bucket.
    private static bool SameCandles(MarketClient client, string mint, string interval, List<JsonObject> served)
    {
        if (!client.Candles.TryGetValue((mint, interval), out var known) || known.Count == 0 || served.Count == 0)
        {
            return false;
        }

        var byTime = served.ToDictionary(k => k["time"]!.GetValue<long>(), Comparable);
        return known.Keys.Max() == byTime.Keys.Max()
            && known.All(k => byTime.TryGetValue(k.Key, out var s) && s == Comparable(k.Value));
    }

    private static string CandleDifferences(MarketClient client, string mint, string interval, List<JsonObject> served)
    {
        var known = client.Candles.TryGetValue((mint, interval), out var k) ? k : [];
        var byTime = served.ToDictionary(c => c["time"]!.GetValue<long>(), Comparable);
        var differing = known.Where(p => !byTime.TryGetValue(p.Key, out var s) || s != Comparable(p.Value))
            .Take(5).Select(p => $"pushed {Comparable(p.Value)} served {byTime.GetValueOrDefault(p.Key) ?? "(none)"}");
        return $"{known.Count} pushed buckets (newest {(known.Count == 0 ? 0 : known.Keys.Max())}), {served.Count} served (newest " +
            $"{(byTime.Count == 0 ? 0 : byTime.Keys.Max())}); differing: {string.Join("; ", differing)}";
    }

    private static string Comparable(JsonObject candle)
    {
        var copy = candle.DeepClone().AsObject();
        copy.Remove("is_final");
        return copy.ToJsonString();
    }
}
