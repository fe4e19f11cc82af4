using System.Text.Json.Nodes;
using Spin.Gateway.Tests.Infrastructure;

namespace Spin.Cluster.Tests.Failover;

/// <summary>Every user of the simulator's truth with the history and open orders the API must serve for them, computed
/// from the truth alone: a user's history is every event the user paid for, the openings and changes of the user's
/// orders (the events whose <c>user</c> is the user), and the liquidations of them; the open orders are the user's
/// across every mint.</summary>
public sealed class TruthUsers
{
    private TruthUsers(SortedDictionary<string, List<JsonObject>> histories, HashSet<string> owners, Dictionary<string, List<JsonObject>> openOrders)
    {
        Histories = histories;
        Owners = owners;
        OpenOrders = openOrders;
    }

    /// <summary>Every user (payers and order owners), sorted, with the events of their history in chain order per mint.</summary>
    public SortedDictionary<string, List<JsonObject>> Histories { get; }

    /// <summary>The users that ever owned an order (opened one), whether or not it is still open.</summary>
    public HashSet<string> Owners { get; }

    /// <summary>The open orders of every user that has any, with the fields <see cref="TruthOrders.Open"/> gives.</summary>
    public Dictionary<string, List<JsonObject>> OpenOrders { get; }

    /// <summary>The users of <paramref name="truth"/> and what they must be served.</summary>
    public static TruthUsers Of(IReadOnlyDictionary<string, List<JsonObject>> truth)
    {
        var all = truth.Values.SelectMany(e => e).ToList();
        // An order belongs to whoever opened it: a liquidation names only the order, and its payer is the liquidator.
        var owner = all.Where(e => Type(e) == "LongShort").GroupBy(e => Text(e, "order_pda")!)
            .ToDictionary(g => g.Key, g => Text(g.First(), "user")!);
        var histories = new SortedDictionary<string, List<JsonObject>>(StringComparer.Ordinal);
        foreach (var e in all)
        {
            var concerned = new HashSet<string>(StringComparer.Ordinal) { Text(e, "payer")! };
            if (Text(e, "user") is { } user)
            {
                concerned.Add(user);
            }

            if (Type(e) == "ForceLiquidate" && owner.TryGetValue(Text(e, "order_pda")!, out var liquidated))
            {
                concerned.Add(liquidated);
            }

            foreach (var u in concerned)
            {
                if (!histories.TryGetValue(u, out var history))
                {
                    histories[u] = history = [];
                }

                history.Add(e);
            }
        }

        var open = truth.Values.SelectMany(events => TruthOrders.Open(events).Values)
            .GroupBy(o => Text(o, "user")!).ToDictionary(g => g.Key, g => g.ToList());
        return new TruthUsers(histories, [.. owner.Values], open);
    }

    /// <summary>The open orders of <paramref name="user"/> (none for most).</summary>
    public List<JsonObject> OpenOrdersOf(string user) => OpenOrders.GetValueOrDefault(user, []);

    private static string Type(JsonObject e) => e["event_type"]!.GetValue<string>();

    private static string? Text(JsonObject e, string field) => e[field]?.GetValue<string>();
}
