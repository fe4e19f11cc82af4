using System.Text.Json;
using System.Text.Json.Nodes;

namespace Spin.Bench.Query;

/// <summary>The request mix over a populated Gateway: for the busiest mints their events, candles and open orders, the
/// details of every mint at once and the mint list in two orders. The first answer of each request is checked against
/// the simulator's ground truth and kept as the bytes every later answer must equal.</summary>
public static class QueryTargets
{
    private const int BusiestMints = 10;
    private const int DetailMints = 50;

    /// <summary>The five endpoints measured, in report order.</summary>
    public static readonly string[] Endpoints = ["/api/events", "/api/kline", "/api/mint_orders", "/api/details", "/api/mints"];

    /// <summary>Builds the mix in send order (the endpoints interleaved), fetching and checking each first answer.</summary>
    public static async Task<IReadOnlyList<QueryRequest>> BuildAsync(HttpClient http, IReadOnlyDictionary<string, List<JsonObject>> truth,
        List<string> failures)
    {
        var busiest = truth.OrderByDescending(m => m.Value.Count).ThenBy(m => m.Key, StringComparer.Ordinal).Take(BusiestMints).ToList();
        var details = JsonSerializer.Serialize(new { mints = truth.Keys.Order(StringComparer.Ordinal).Take(DetailMints).ToArray() });
        var perEndpoint = new List<QueryRequest>[]
        {
            busiest.Select(m => Get("/api/events", $"api/events?mint={m.Key}&page=1&limit=100&order_by=slot_desc")).ToList(),
            busiest.Select(m => Get("/api/kline", $"api/kline?mint={m.Key}&interval=m1&page=1&limit=100&order_by=time_desc")).ToList(),
            busiest.Select((m, i) => Get("/api/mint_orders", $"api/mint_orders?mint={m.Key}&type={(i % 2 == 0 ? "up_orders" : "down_orders")}&page=1&limit=50")).ToList(),
            [new QueryRequest("/api/details", "POST", "api/details", details)],
            [Get("/api/mints", "api/mints?limit=100"), Get("/api/mints", "api/mints?limit=100&sort_by=last_trade_desc")],
        };
        foreach (var request in perEndpoint.SelectMany(r => r))
        {
            await FetchAsync(http, request);
            Check(request, truth, failures);
        }

        // Round robin over the endpoints, and within an endpoint over its requests.
        var count = perEndpoint.Max(r => r.Count) * perEndpoint.Length;
        return Enumerable.Range(0, count).Select(i => perEndpoint[i % perEndpoint.Length]).Select((list, i) => list[(i / perEndpoint.Length) % list.Count]).ToList();
    }

    private static QueryRequest Get(string endpoint, string url) => new(endpoint, "GET", url, null);

    private static async Task FetchAsync(HttpClient http, QueryRequest request)
    {
        using var message = request.ToMessage();
        using var response = await http.SendAsync(message);
        request.Expected = await response.Content.ReadAsByteArrayAsync();
        request.ContentType = response.Content.Headers.ContentType?.ToString() ?? "application/json";
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{request.Key} answered {(int)response.StatusCode}: {System.Text.Encoding.UTF8.GetString(request.Expected)}");
        }
    }

    private static void Check(QueryRequest request, IReadOnlyDictionary<string, List<JsonObject>> truth, List<string> failures)
    {
        var data = JsonNode.Parse(request.Expected)!["data"]!;
        var mint = request.PathAndQuery.Split("mint=") is [_, var rest] ? rest.Split('&')[0] : null;
        var wrong = request.Endpoint switch
        {
            "/api/events" => EventsWrong(data, truth[mint!]),
            "/api/kline" => data["klines"]!.AsArray().Count == 0 ? "no candle" : null,
            "/api/mint_orders" => data["orders"] is JsonArray ? null : "no order list",
            "/api/details" => data["details"]!.AsArray().Count != Math.Min(DetailMints, truth.Count) ? $"{data["details"]!.AsArray().Count} details" : null,
            _ => data["total"]!.GetValue<long>() != truth.Count ? $"total {data["total"]}, the truth has {truth.Count} mints" : null,
        };
        if (wrong is not null)
        {
            failures.Add($"{request.Key}: {wrong}");
        }
    }

    // The page must list the mint's newest events (slot_desc) and count them all.
    private static string? EventsWrong(JsonNode data, List<JsonObject> truth)
    {
        var listed = data["events"]!.AsArray().Select(e => e!["signature"]!.GetValue<string>()).ToHashSet();
        var newest = truth.OrderByDescending(e => e["slot"]!.GetValue<ulong>()).Take(100).Select(e => e["signature"]!.GetValue<string>()).ToHashSet();
        return data["total"]!.GetValue<long>() != truth.Count ? $"total {data["total"]}, the truth has {truth.Count} events"
            : listed.SetEquals(newest) ? null : "the page is not the mint's newest events";
    }
}
