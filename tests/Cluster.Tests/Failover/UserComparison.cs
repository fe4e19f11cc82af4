using System.Text.Json.Nodes;

namespace Spin.Cluster.Tests.Failover;

/// <summary>Reads every user's history (all pages) and open orders through a gateway and counts how they differ from
/// the truth's, in a <see cref="TruthReport"/>.</summary>
public static class UserComparison
{
    // Enough to keep a few thousand users' reads short without crowding the silos that serve them.
    private const int Readers = 8;

    /// <summary>Compares every user of <paramref name="users"/>: the history as a multiset of signatures (the API's
    /// items carry no event index) with its total and slot order, and, for every user that ever owned an order, the open
    /// orders by pda with their fields (the other users, one per trade, can have none: reading their empty books would
    /// double the comparison's time for nothing).</summary>
    public static async Task CompareAsync(TruthReport report, ClusterGateway gateway, TruthUsers users)
    {
        report.Users = users.Histories.Count;
        report.TruthUserEvents = users.Histories.Values.Sum(h => (long)h.Count);
        report.UserOpenOrders = users.OpenOrders.Values.Sum(o => (long)o.Count);
        var outcomes = new Dictionary<string, (long Lost, long Extra, bool History, bool Orders, string? Error)>();
        await Parallel.ForEachAsync(users.Histories, new ParallelOptions { MaxDegreeOfParallelism = Readers }, async (user, _) =>
        {
            var outcome = await CompareUserAsync(report, gateway, user.Key, user.Value, users.Owners.Contains(user.Key), users.OpenOrdersOf(user.Key));
            lock (outcomes)
            {
                outcomes[user.Key] = outcome;
            }
        });
        foreach (var (lost, extra, history, orders, error) in outcomes.Values)
        {
            report.UserEventsLost += lost;
            report.UserEventsExtra += extra;
            report.UserMismatches += history ? 1 : 0;
            report.UserOrderMismatches += orders ? 1 : 0;
            report.Errors += error is null ? 0 : 1;
        }
    }

    private static async Task<(long Lost, long Extra, bool History, bool Orders, string? Error)> CompareUserAsync(TruthReport report,
        ClusterGateway gateway, string user, List<JsonObject> expected, bool owner, List<JsonObject> open)
    {
        try
        {
            var (served, total) = await GetHistoryAsync(gateway, user);
            var (lost, extra, history) = CompareHistory(report, user, expected, served, total);
            var orders = owner && await CompareOrdersAsync(report, gateway, user, open);
            return (lost, extra, history, orders, null);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            report.FollowerExample($"user {user}: request failed: {ex.Message}");
            return (0, 0, false, false, ex.Message);
        }
    }

    private static (long Lost, long Extra, bool Differs) CompareHistory(TruthReport report, string user, List<JsonObject> expected,
        List<JsonObject> served, long total)
    {
        var want = expected.GroupBy(Signature).ToDictionary(g => g.Key, g => g.ToList());
        var got = served.GroupBy(Signature).ToDictionary(g => g.Key, g => g.Count());
        var missing = want.SelectMany(p => p.Value.Skip(got.GetValueOrDefault(p.Key))).ToList();
        var extra = got.Where(p => p.Value > want.GetValueOrDefault(p.Key, []).Count)
            .SelectMany(p => Enumerable.Repeat(p.Key, p.Value - want.GetValueOrDefault(p.Key, []).Count)).ToList();
        var slots = served.Select(e => e["slot"]!.GetValue<ulong>()).ToList();
        var unordered = slots.Zip(slots.Skip(1)).Count(p => p.First > p.Second);
        if (missing.Count == 0 && extra.Count == 0 && total == expected.Count && unordered == 0)
        {
            return (0, 0, false);
        }

        report.FollowerExample($"user {user}: {served.Count} of {expected.Count} events served (total {total}); " +
            $"missing {missing.Count} [{string.Join(", ", missing.Take(3).Select(Describe))}{(missing.Count > 3 ? ", ..." : "")}]" +
            (extra.Count == 0 ? "" : $"; extra {extra.Count} [{string.Join(", ", extra.Take(3))}]") +
            (unordered == 0 ? "" : $"; {unordered} out of slot order"));
        return (missing.Count, extra.Count, true);
    }

    private static async Task<bool> CompareOrdersAsync(TruthReport report, ClusterGateway gateway, string user, List<JsonObject> open)
    {
        var data = (await gateway.GetJsonAsync($"api/user_orders?user={user}&limit=1000"))["data"]!;
        var served = data["orders"]!.AsArray().Select(o => o!.AsObject()).ToList();
        var want = open.ToDictionary(Pda);
        // As the mints' order books: the same pdas, each order with the truth's fields.
        var same = data["total"]!.GetValue<long>() == open.Count && served.Count == open.Count
            && served.All(o => want.TryGetValue(Pda(o), out var w) && w.All(f => f.Value?.ToJsonString() == o[f.Key]?.ToJsonString()))
            && served.Select(Pda).Distinct().Count() == served.Count;
        if (!same)
        {
            report.FollowerExample($"user {user} orders: expected {open.Count} [{string.Join(",", open.Select(Pda).Order())}], " +
                $"served {data["total"]} [{string.Join(",", served.Select(Pda).Order())}]");
        }

        return !same;
    }

    // Every page in slot order, as a client pages through a long history.
    private static async Task<(List<JsonObject> Events, long Total)> GetHistoryAsync(ClusterGateway gateway, string user)
    {
        var all = new List<JsonObject>();
        for (var page = 1; ; page++)
        {
            var data = (await gateway.GetJsonAsync($"api/user_event?user={user}&order_by=slot_asc&limit=1000&page={page}"))["data"]!;
            all.AddRange(data["transactions"]!.AsArray().Select(t => t!.AsObject()));
            if (!data["has_next"]!.GetValue<bool>() || page >= 100)
            {
                return (all, data["total"]!.GetValue<long>());
            }
        }
    }

    private static string Describe(JsonObject e) =>
        $"{Signature(e)} ({e["event_type"]} on {e["mint_account"]?.GetValue<string>()[..8]}, slot {e["slot"]})";

    private static string Signature(JsonObject e) => e["signature"]!.GetValue<string>();

    private static string Pda(JsonObject order) => order["order_pda"]!.GetValue<string>();
}
