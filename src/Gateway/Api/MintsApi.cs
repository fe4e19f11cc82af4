using System.ComponentModel;
using System.Text.Json;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Spin.Chain.Binary;
using Spin.Gateway.OpenApi;
using Spin.Grains.Interfaces.Catalog;

namespace Spin.Gateway.Api;

/// <summary><c>GET /api/mints</c>: every mint ever seen, merged from the catalog shards, with opaque cursors that never
/// skip or repeat a row, and a real <c>total</c>.</summary>
public static class MintsApi
{
    private static readonly DefaultData Empty = new(w => WritePage(w, [], 0, 0, 0, false, false, null, ""));
    private static readonly Dictionary<string, CatalogSort> Sorts = new()
    {
        ["slot_desc"] = CatalogSort.SlotDesc, ["slot_asc"] = CatalogSort.SlotAsc,
        ["last_trade_desc"] = CatalogSort.LastTradeDesc, ["volume_desc"] = CatalogSort.VolumeDesc,
    };

    /// <summary>Maps the mints endpoint.</summary>
    public static IEndpointRouteBuilder MapMintsApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/mints", QueryMints).WithTags("mints").WithName("QueryMints").WithSummary("Every mint, newest first by default").WithMetadata(Empty).Returns<MintsPage>();
        return routes;
    }

    private static async Task<IResult> QueryMints([FromQuery(Name = "limit"), Description("Page size, 0-1000 (default 50)")] string? rawLimit,
        [FromQuery(Name = "page"), Description("1-based page (default 1)")] string? rawPage,
        [FromQuery(Name = "sort_by"), Description("slot_desc (default), slot_asc, last_trade_desc or volume_desc")] string? rawSortBy,
        [FromQuery(Name = "cursor"), Description("The next_cursor of the previous page")] string? rawCursor,
        IGrainFactory grains)
    {
        var limit = QueryParameters.Limit(rawLimit);
        var page = QueryParameters.Page(rawPage);
        var sortName = QueryParameters.OneOf(rawSortBy, "sort_by", "slot_desc", [.. Sorts.Keys]);
        var sort = Sorts[sortName];
        var after = DecodeCursor(rawCursor, sort);
        var pages = await Task.WhenAll(Enumerable.Range(0, CatalogShards.Count)
            .Select(shard => grains.GetGrain<ICatalogShardGrain>(shard).Page(sort, after, limit + 1)));
        var merged = pages.SelectMany(p => p.Entries).Select(e => (Entry: e, Key: PublicKey.Parse(e.Mint))).ToList();
        merged.Sort((a, b) => Compare(a.Entry.SortValue, a.Key, b.Entry.SortValue, b.Key) * (sort.IsDescending() ? -1 : 1));
        var rows = merged.Take(limit).Select(m => m.Entry).ToList();
        var next = merged.Count > limit && rows.Count > 0 ? EncodeCursor(rows[^1], sort) : null;
        var total = pages.Sum(p => p.Total);
        return ApiResponse.Ok(w => WritePage(w, rows.Select(r => r.Mint).ToList(), total, page, limit, next is not null, after is not null, next, sortName),
            pages.Any(p => p.Syncing));
    }

    private static int Compare(ulong a, byte[] aKey, ulong b, byte[] bKey) => a != b ? a.CompareTo(b) : aKey.AsSpan().SequenceCompareTo(bKey);

    private static string EncodeCursor(CatalogEntry entry, CatalogSort sort) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{(int)sort}:{entry.SortValue}:{entry.Mint}")).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static CatalogEntry? DecodeCursor(string? cursor, CatalogSort sort)
    {
        if (string.IsNullOrEmpty(cursor))
        {
            return null;
        }

        try
        {
            var base64 = cursor.Replace('-', '+').Replace('_', '/');
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '='))).Split(':');
            if (parts.Length == 3 && parts[0] == ((int)sort).ToString() && ulong.TryParse(parts[1], out var value) && PublicKey.IsValid(parts[2]))
            {
                return new CatalogEntry(value, parts[2]);
            }
        }
        catch (FormatException)
        {
            // Not base64: answered below like any other cursor this endpoint did not issue.
        }

        throw new BadRequestException("cursor is not a next_cursor of this endpoint and sort_by");
    }

    private static void WritePage(Utf8JsonWriter w, IReadOnlyList<string> mints, long total, int page, int limit, bool hasNext, bool hasPrev,
        string? next, string sortBy)
    {
        w.WriteStartObject();
        w.WriteStartArray("mints");
        foreach (var mint in mints)
        {
            w.WriteStringValue(mint);
        }

        w.WriteEndArray();
        w.WriteNumber("total", total);
        w.WriteNumber("page", page);
        w.WriteNumber("limit", limit);
        w.WriteBoolean("has_next", hasNext);
        w.WriteBoolean("has_prev", hasPrev);
        if (next is null) { w.WriteNull("next_cursor"); } else { w.WriteString("next_cursor", next); }
        w.WriteString("sort_by", sortBy);
        w.WriteEndObject();
    }
}
