using System.Globalization;
using System.Text.Json.Nodes;

namespace Spin.Gateway.Tests.Infrastructure;

/// <summary>Open orders and details computed from the simulator's ground truth by the test itself.</summary>
public static class TruthOrders
{
    private static readonly string[] OrderFields =
    [
        "order_type", "mint", "user", "lock_lp_start_price", "lock_lp_end_price", "lock_lp_sol_amount", "lock_lp_token_amount",
        "start_time", "end_time", "margin_sol_amount", "borrow_amount", "position_asset_amount", "borrow_fee", "order_pda",
    ];

    /// <summary>The open orders after every event, keyed by pda, with spin-server's OrderData fields.</summary>
    public static Dictionary<string, JsonObject> Open(IEnumerable<JsonObject> events)
    {
        var open = new Dictionary<string, JsonObject>();
        foreach (var e in events)
        {
            var pda = e["order_pda"]?.GetValue<string>();
            switch (e["event_type"]!.GetValue<string>())
            {
                case "LongShort" or "PartialClose":
                    open[pda!] = new JsonObject(OrderFields.Select(f => KeyValuePair.Create(f, e[f]?.DeepClone())));
                    break;
                case "FullClose" or "ForceLiquidate":
                    open.Remove(pda!);
                    break;
            }
        }

        return open;
    }

    /// <summary>The side's orders in the SDK's order: up (type 2) by start price ascending, down (type 1) descending.</summary>
    public static List<JsonObject> Side(Dictionary<string, JsonObject> open, bool up)
    {
        var side = open.Values.Where(o => (o["order_type"]!.GetValue<int>() == 2) == up);
        return up ? side.OrderBy(StartPrice).ToList() : side.OrderByDescending(StartPrice).ToList();
    }

    /// <summary>The last price-setting event's price, and the BuySell totals.</summary>
    public static (string? LatestPrice, ulong TotalSol, long Trades) Details(IEnumerable<JsonObject> events)
    {
        string? price = null;
        ulong sol = 0;
        long trades = 0;
        foreach (var e in events)
        {
            price = e["latest_price"]?.GetValue<string>() ?? price;
            if (e["event_type"]!.GetValue<string>() == "BuySell")
            {
                sol += e["sol_amount"]!.GetValue<ulong>();
                trades++;
            }
        }

        return (price, sol, trades);
    }

    private static UInt128 StartPrice(JsonObject order) => UInt128.Parse(order["lock_lp_start_price"]!.GetValue<string>(), CultureInfo.InvariantCulture);
}
