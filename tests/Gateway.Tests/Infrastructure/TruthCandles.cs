using System.Globalization;
using System.Text.Json.Nodes;

namespace Spin.Gateway.Tests.Infrastructure;

/// <summary>Candles computed from the simulator's ground truth by the test itself: price events bucketed by block
/// time; a bucket opens at the previous bucket's close; volume is the BuySell SOL in the bucket.</summary>
public static class TruthCandles
{
    private static readonly HashSet<string> PriceEvents = ["BuySell", "LongShort", "FullClose", "PartialClose"];

    /// <summary>The expected candles, oldest first, as (time, open, high, low, close, volume, update_count).</summary>
    public static List<(long Time, double Open, double High, double Low, double Close, double Volume, long Count)> Of(
        IEnumerable<JsonObject> events, long seconds)
    {
        var result = new List<(long, double, double, double, double, double, long)>();
        UInt128? previousClose = null;
        foreach (var bucket in events.Where(e => PriceEvents.Contains(e["event_type"]!.GetValue<string>())).GroupBy(e => Bucket(e, seconds)))
        {
            var prices = bucket.Select(e => UInt128.Parse(e["latest_price"]!.GetValue<string>(), CultureInfo.InvariantCulture)).ToList();
            var open = previousClose ?? prices[0];
            var lamports = bucket.Where(e => e["event_type"]!.GetValue<string>() == "BuySell").Sum(e => (decimal)e["sol_amount"]!.GetValue<ulong>());
            result.Add((bucket.Key, Sol(open), Sol(prices.Append(open).Max()), Sol(prices.Append(open).Min()), Sol(prices[^1]),
                (double)(ulong)lamports / 1e9, prices.Count));
            previousClose = prices[^1];
        }

        return result;
    }

    private static long Bucket(JsonObject e, long seconds)
    {
        var time = DateTimeOffset.Parse(e["timestamp"]!.GetValue<string>(), CultureInfo.InvariantCulture).ToUnixTimeSeconds();
        return time - (time % seconds);
    }

    private static double Sol(UInt128 price) => (double)price / 1e28;
}
