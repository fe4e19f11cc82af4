using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Spin.Bench.Paging;

/// <summary>Finds the first and the last page of each endpoint on the running Gateway and checks both answers against
/// the ground truth before anything is timed.</summary>
public static class PageCases
{
    /// <summary>The cases to time: /api/mints by cursor (last and middle page), /api/events and /api/kline (s1) by page in
    /// both orders, /api/kline with gaps filled, and two reference rows (the only page of a small mint).</summary>
    public static async Task<IReadOnlyList<PageCase>> BuildAsync(HttpClient http, SyntheticChain chain, GroundTruth truth, int limit)
    {
        var cases = new List<PageCase>(await MintsAsync(http, truth, limit));
        cases.Add(await EventsAsync(http, chain.HotMint, truth, limit, descending: true));
        cases.Add(await EventsAsync(http, chain.HotMint, truth, limit, descending: false));
        cases.Add(await KlineAsync(http, chain.HotMint, truth, limit, descending: true));
        cases.Add(await KlineAsync(http, chain.HotMint, truth, limit, descending: false));

        cases.Add(await FilledKlineAsync(http, chain.HotMint, truth, limit));
        var small = await DataAsync(http, EventsUrl(chain.SmallMint, 1, limit, "slot_desc"));
        Expect(small["total"]!.GetValue<long>() == SyntheticChain.SmallMintEvents, $"the small mint holds {small["total"]} events");
        var reference = $"reference: a mint of {SyntheticChain.SmallMintEvents} events";
        cases.Add(new PageCase($"{reference}, `/api/events` (slot_desc)", "page 1", EventsUrl(chain.SmallMint, 1, limit, "slot_desc"), null, null));
        cases.Add(new PageCase($"{reference}, `/api/kline` (s1, time_desc)", "page 1", KlineUrl(chain.SmallMint, 1, limit, "time_desc"), null, null));
        return cases;
    }

    // Walks every page by cursor, checking each, and times the first page against the last and a middle one.
    private static async Task<IEnumerable<PageCase>> MintsAsync(HttpClient http, GroundTruth truth, int limit)
    {
        var seen = new HashSet<string>();
        var previousSlot = ulong.MaxValue;
        var middle = GroundTruth.LastPage(truth.FirstSlots.Count, limit) / 2;
        string? cursor = null;
        string? middleCursor = null;
        var pages = 1;
        for (; ; pages++)
        {
            var data = await DataAsync(http, MintsUrl(limit, cursor));
            previousSlot = CheckMints(data, truth, seen, previousSlot);
            if (!data["has_next"]!.GetValue<bool>())
            {
                break;
            }

            cursor = data["next_cursor"]!.GetValue<string>();
            middleCursor = pages + 1 == middle ? cursor : middleCursor;
        }

        Expect(seen.Count == truth.FirstSlots.Count, $"the cursor walk listed {seen.Count:N0} of {truth.FirstSlots.Count:N0} mints");
        Console.WriteLine($"/api/mints: walked {pages:N0} pages, {seen.Count:N0} mints, no duplicate, in slot_desc order");
        var request = $"`/api/mints` (slot_desc, {seen.Count:N0} mints)";
        var last = new PageCase(request, "no cursor", MintsUrl(limit, null), $"cursor of page {pages:N0}", MintsUrl(limit, cursor));
        return middleCursor is null ? [last] : [last, last with { LastLabel = $"cursor of page {middle:N0}", LastUrl = MintsUrl(limit, middleCursor) }];
    }

    // Returns the first slot of the page's last mint.
    private static ulong CheckMints(JsonObject data, GroundTruth truth, HashSet<string> seen, ulong previousSlot)
    {
        Expect(data["total"]!.GetValue<long>() == truth.FirstSlots.Count, $"/api/mints total is {data["total"]}");
        foreach (var mint in data["mints"]!.AsArray().Select(m => m!.GetValue<string>()))
        {
            Expect(seen.Add(mint), $"/api/mints listed {mint} twice");
            Expect(truth.FirstSlots.TryGetValue(mint, out var slot) && slot <= previousSlot, $"/api/mints: {mint} unknown or out of slot_desc order");
            previousSlot = slot;
        }

        return previousSlot;
    }

    private static async Task<PageCase> EventsAsync(HttpClient http, string mint, GroundTruth truth, int limit, bool descending)
    {
        var order = descending ? "slot_desc" : "slot_asc";
        var last = GroundTruth.LastPage(truth.HotEvents, limit);
        foreach (var page in new[] { 1, last })
        {
            var data = await DataAsync(http, EventsUrl(mint, page, limit, order));
            var signatures = data["events"]!.AsArray().Select(e => e!["signature"]!.GetValue<string>()).ToList();
            Expect(data["total"]!.GetValue<long>() == truth.HotEvents, $"/api/events total is {data["total"]}");
            Expect(signatures.SequenceEqual(truth.EventPage(page, limit, descending)), $"/api/events {order} page {page}: {signatures.Count} rows, not the expected events");
        }

        return new PageCase($"`/api/events` ({order}, {truth.HotEvents:N0} events)", "page 1", EventsUrl(mint, 1, limit, order),
            $"page {last:N0}", EventsUrl(mint, last, limit, order));
    }

    private static async Task<PageCase> KlineAsync(HttpClient http, string mint, GroundTruth truth, int limit, bool descending)
    {
        var order = descending ? "time_desc" : "time_asc";
        var last = GroundTruth.LastPage(truth.HotSecondCandles, limit);
        foreach (var page in new[] { 1, last })
        {
            var data = await DataAsync(http, KlineUrl(mint, page, limit, order));
            var times = data["klines"]!.AsArray().Select(k => k!["time"]!.GetValue<long>()).ToList();
            Expect(data["total"]!.GetValue<long>() == truth.HotSecondCandles, $"/api/kline total is {data["total"]}");
            Expect(times.SequenceEqual(truth.SecondCandlePage(page, limit, descending)), $"/api/kline {order} page {page}: {times.Count} rows, not the expected candles");
        }

        return new PageCase($"`/api/kline` (s1, {order}, {truth.HotSecondCandles:N0} candles)", "page 1", KlineUrl(mint, 1, limit, order),
            $"page {last:N0}", KlineUrl(mint, last, limit, order));
    }

    private static async Task<PageCase> FilledKlineAsync(HttpClient http, string mint, GroundTruth truth, int limit)
    {
        var last = GroundTruth.LastPage(truth.HotFilledSeconds, limit);
        foreach (var page in new[] { 1, last })
        {
            var data = await DataAsync(http, KlineUrl(mint, page, limit, "time_desc") + "&fill_gaps=true");
            var times = data["klines"]!.AsArray().Select(k => k!["time"]!.GetValue<long>()).ToList();
            Expect(data["total"]!.GetValue<long>() == truth.HotFilledSeconds, $"/api/kline fill_gaps total is {data["total"]}");
            Expect(times.SequenceEqual(truth.FilledSecondPage(page, limit, descending: true)), $"/api/kline fill_gaps page {page}: {times.Count} rows, not the expected buckets");
        }

        return new PageCase($"`/api/kline` (s1, time_desc, fill_gaps=true, {truth.HotFilledSeconds:N0} buckets)", "page 1",
            KlineUrl(mint, 1, limit, "time_desc") + "&fill_gaps=true", $"page {last:N0}", KlineUrl(mint, last, limit, "time_desc") + "&fill_gaps=true");
    }

    private static string MintsUrl(int limit, string? cursor) => $"api/mints?limit={limit}" + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}");

    private static string EventsUrl(string mint, int page, int limit, string order) => $"api/events?mint={mint}&page={page}&limit={limit}&order_by={order}";

    private static string KlineUrl(string mint, int page, int limit, string order) => $"api/kline?mint={mint}&interval=s1&page={page}&limit={limit}&order_by={order}";

    private static async Task<JsonObject> DataAsync(HttpClient http, string url) => (await http.GetFromJsonAsync<JsonObject>(url))!["data"]!.AsObject();

    private static void Expect(bool condition, string failure)
    {
        if (!condition)
        {
            throw new InvalidOperationException($"Wrong answer: {failure}");
        }
    }
}
