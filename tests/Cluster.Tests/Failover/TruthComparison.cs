using System.Text.Json.Nodes;
using Spin.Gateway.Tests.Infrastructure;

namespace Spin.Cluster.Tests.Failover;

/// <summary>Reads every mint's events (all pages), candles and open orders, every user's history and open orders, and
/// the catalog through a gateway and counts how they differ from the simulator's truth.</summary>
public static class TruthComparison
{
    private static readonly (string Name, long Seconds)[] Intervals = [("s1", 1), ("m1", 60)];

    /// <summary>Compares everything the gateway serves with the truth (<paramref name="users"/> computed from it).</summary>
    public static async Task<TruthReport> CompareAsync(ClusterGateway gateway, IReadOnlyDictionary<string, List<JsonObject>> truth, TruthUsers users)
    {
        var report = new TruthReport(gateway.Name) { Mints = truth.Count, TruthEvents = truth.Sum(p => (long)p.Value.Count) };
        foreach (var (mint, events) in truth.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            try
            {
                var served = await gateway.GetAllEventsAsync(mint);
                report.ServedEvents += served.Count;
                CompareEvents(report, mint, events, served);
                foreach (var (interval, seconds) in Intervals)
                {
                    await CompareCandlesAsync(report, gateway, mint, interval, TruthCandles.Of(events, seconds));
                }

                await CompareOrdersAsync(report, gateway, mint, events);
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                report.Errors++;
                report.Example($"{mint}: request failed: {ex.Message}");
            }
        }

        await UserComparison.CompareAsync(report, gateway, users);
        await CatalogComparison.CompareAsync(report, gateway, truth);
        return report;
    }

    private static void CompareEvents(TruthReport report, string mint, List<JsonObject> expected, List<JsonObject> served)
    {
        // Counted per signature: a transaction's events are lost or repeated together.
        var want = expected.GroupBy(Signature).ToDictionary(g => g.Key, g => g.Count());
        var got = served.GroupBy(Signature).ToDictionary(g => g.Key, g => g.Count());
        var lost = want.Sum(p => Math.Max(0, p.Value - got.GetValueOrDefault(p.Key)));
        var extra = got.Sum(p => Math.Max(0, p.Value - want.GetValueOrDefault(p.Key)));
        report.Lost += lost;
        report.Duplicated += extra;
        if (lost > 0 || extra > 0)
        {
            report.Example($"{mint}: truth {expected.Count}, served {served.Count}: {lost} lost, {extra} extra " +
                $"(first lost {want.Keys.FirstOrDefault(k => got.GetValueOrDefault(k) < want[k]) ?? "-"})");
            return;
        }

        for (var i = 0; i < expected.Count; i++)
        {
            var (a, b) = (Fields(expected[i]), Fields(served[i]));
            if (a != b)
            {
                report.Mismatched++;
                if (report.Mismatched == 1 || i == 0)
                {
                    report.Example($"{mint}, event #{i}: expected {a} but got {b}");
                }
            }
        }
    }

    private static async Task CompareCandlesAsync(TruthReport report, ClusterGateway gateway, string mint, string interval,
        List<(long Time, double Open, double High, double Low, double Close, double Volume, long Count)> expected)
    {
        var data = (await gateway.GetJsonAsync($"api/kline?mint={mint}&interval={interval}&order_by=time_asc&limit=1000"))["data"]!;
        var actual = data["klines"]!.AsArray().Select(k => (
            k!["time"]!.GetValue<long>(), k["open"]!.GetValue<double>(), k["high"]!.GetValue<double>(), k["low"]!.GetValue<double>(),
            k["close"]!.GetValue<double>(), k["volume"]!.GetValue<double>(), k["update_count"]!.GetValue<long>())).ToList();
        var wrong = expected.Count != data["total"]!.GetValue<long>() ? Math.Max(1, Math.Abs(expected.Count - actual.Count)) : 0;
        wrong += expected.Take(1000).Zip(actual).Count(p => p.First != p.Second);
        if (wrong > 0)
        {
            report.CandleMismatches += wrong;
            var first = expected.Zip(actual).FirstOrDefault(p => p.First != p.Second);
            report.Example($"{mint} {interval}: {expected.Count} candles expected, {data["total"]} served; first difference {first.First} vs {first.Second}");
        }
    }

    private static async Task CompareOrdersAsync(TruthReport report, ClusterGateway gateway, string mint, List<JsonObject> events)
    {
        var open = TruthOrders.Open(events);
        report.OpenOrders += open.Count;
        foreach (var up in new[] { true, false })
        {
            var side = up ? "up_orders" : "down_orders";
            var expected = TruthOrders.Side(open, up);
            var data = (await gateway.GetJsonAsync($"api/mint_orders?mint={mint}&type={side}&limit=1000"))["data"]!;
            var actual = data["orders"]!.AsArray().Select(o => o!.AsObject()).ToList();
            // As the end-to-end tests: the side's start prices in order, and every served order equal to the truth's.
            var same = expected.Count == data["total"]!.GetValue<long>()
                && expected.Select(StartPrice).SequenceEqual(actual.Select(StartPrice))
                && actual.All(o => open.TryGetValue(o["order_pda"]!.GetValue<string>(), out var want)
                    && want.All(f => f.Value?.ToJsonString() == o[f.Key]?.ToJsonString()));
            if (!same)
            {
                report.OrderMismatches++;
                report.Example($"{mint} {side}: expected {expected.Count} orders " +
                    $"[{string.Join(",", expected.Select(o => o["order_pda"]))}], served {data["total"]} [{string.Join(",", actual.Select(o => o["order_pda"]))}]");
            }
        }
    }

    private static string StartPrice(JsonObject order) => order["lock_lp_start_price"]!.GetValue<string>();

    private static string Signature(JsonObject e) => e["signature"]!.GetValue<string>();

    private static string Fields(JsonObject value) =>
        "{" + string.Join(", ", value.Where(p => p.Key != "event_index").OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => $"{p.Key}: {p.Value?.ToJsonString() ?? "null"}")) + "}";
}
