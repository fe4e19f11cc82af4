using System.Text.Json.Nodes;

namespace Spin.Cluster.Tests.Failover;

/// <summary>Walks the catalog (<c>/api/mints</c>) through its cursors in every sort order through a gateway and counts
/// how it differs from the truth's mints, in a <see cref="TruthReport"/>.</summary>
public static class CatalogComparison
{
    // Small pages, so that a walk over a few dozen mints crosses several cursors (and shards).
    private const int PageSize = 7;

    private static readonly string[] Sorts = ["slot_desc", "slot_asc", "volume_desc", "last_trade_desc"];

    /// <summary>Every mint of the truth listed exactly once per sort order, <c>total</c> equal to the truth's mint count
    /// on every page, <c>has_next</c> agreeing with the cursor, and the listing sorted by the keys the truth gives
    /// (a mint's first slot, its BuySell volume; the last trade's time is not checked, as in the end-to-end tests).</summary>
    public static async Task CompareAsync(TruthReport report, ClusterGateway gateway, IReadOnlyDictionary<string, List<JsonObject>> truth)
    {
        var firstSlot = truth.ToDictionary(p => p.Key, p => (decimal)p.Value[0]["slot"]!.GetValue<ulong>());
        var volume = truth.ToDictionary(p => p.Key, p => p.Value.Where(e => e["event_type"]!.GetValue<string>() == "BuySell")
            .Sum(e => (decimal)e["sol_amount"]!.GetValue<ulong>()));
        foreach (var sort in Sorts)
        {
            try
            {
                var keys = sort switch
                {
                    "slot_asc" => firstSlot,
                    "slot_desc" => firstSlot.ToDictionary(p => p.Key, p => -p.Value),
                    "volume_desc" => volume.ToDictionary(p => p.Key, p => -p.Value),
                    _ => null,
                };
                await CompareWalkAsync(report, gateway, truth, sort, keys);
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                report.Errors++;
                report.FollowerExample($"catalog {sort}: request failed: {ex.Message}");
            }
        }
    }

    private static async Task CompareWalkAsync(TruthReport report, ClusterGateway gateway, IReadOnlyDictionary<string, List<JsonObject>> truth,
        string sort, Dictionary<string, decimal>? keys)
    {
        var listed = new List<string>();
        var problems = new List<string>();
        var wrongTotals = new List<long>();
        string? cursor = null;
        var pages = 0;
        // A cursor that never ends the walk would loop: twice the pages the truth needs is a broken walk.
        var maxPages = 2 * (truth.Count / PageSize + 1);
        do
        {
            var data = (await gateway.GetJsonAsync($"api/mints?sort_by={sort}&limit={PageSize}" + (cursor is null ? "" : $"&cursor={cursor}")))["data"]!;
            pages++;
            var total = data["total"]!.GetValue<long>();
            listed.AddRange(data["mints"]!.AsArray().Select(m => m!.GetValue<string>()));
            cursor = data["next_cursor"]?.GetValue<string>();
            if (total != truth.Count)
            {
                wrongTotals.Add(total);
            }

            if ((cursor is not null) != data["has_next"]!.GetValue<bool>())
            {
                problems.Add($"has_next {data["has_next"]} with next_cursor {cursor ?? "null"} on page {pages}");
            }
        }
        while (cursor is not null && pages < maxPages);

        if (cursor is not null)
        {
            problems.Add($"still a next_cursor after {pages} pages");
        }

        var missing = truth.Keys.Except(listed).Order(StringComparer.Ordinal).ToList();
        var repeated = listed.GroupBy(m => m).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        var foreign = listed.Where(m => !truth.ContainsKey(m)).Distinct().ToList();
        if (keys is not null)
        {
            var known = listed.Where(keys.ContainsKey).ToList();
            var unsorted = known.Zip(known.Skip(1)).Select((p, i) => (p, i)).FirstOrDefault(x => keys[x.p.First] > keys[x.p.Second]);
            if (unsorted.p.First is not null)
            {
                problems.Add($"out of order at #{unsorted.i + 1}: {unsorted.p.First} ({keys[unsorted.p.First]}) before {unsorted.p.Second} ({keys[unsorted.p.Second]})");
            }
        }

        // Each page with a wrong total or cursor counts once, as does a broken order and each mint missing, repeated or foreign.
        report.CatalogMismatches += wrongTotals.Count + problems.Count + missing.Count + repeated.Count + foreign.Count;
        if (wrongTotals.Count > 0)
        {
            problems.Insert(0, $"total {string.Join("/", wrongTotals.Distinct())} on {wrongTotals.Count} of {pages} pages");
        }

        AddIf(problems, missing, "missing");
        AddIf(problems, repeated, "listed more than once");
        AddIf(problems, foreign, "not in the truth");
        if (problems.Count > 0)
        {
            report.FollowerExample($"catalog {sort}: {listed.Count} listed for {truth.Count} mints over {pages} pages; {string.Join("; ", problems)}");
        }
    }

    private static void AddIf(List<string> problems, List<string> mints, string what)
    {
        if (mints.Count > 0)
        {
            problems.Add($"{mints.Count} {what} [{string.Join(", ", mints.Take(3))}{(mints.Count > 3 ? ", ..." : "")}]");
        }
    }
}
