using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Spin.Gateway.Tests.Infrastructure;

namespace Spin.Gateway.Tests.EndToEnd;

/// <summary>The API over a populated index: every response holds to the OpenAPI document's schema (so the document
/// cannot drift from what is served), and every pagination walk returns each row exactly once.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class ApiContractTests(PopulatedGateway populated) : IClassFixture<PopulatedGateway>
{
    private static readonly string[] Intervals = ["s1", "s30", "m1", "m5", "m15", "h1", "h4", "d1"];

    private GatewayProcess Gateway => populated.Gateway;

    [Fact]
    public async Task EveryResponseHoldsToTheOpenApiSchemaOfItsEndpoint()
    {
        var document = await Gateway.GetJsonAsync("api-docs/openapi.json");
        var mints = populated.Truth.Keys.ToList();
        var mint = mints[0];
        var users = Users();
        var checkedPaths = new HashSet<string>();

        async Task CheckAsync(string path, HttpResponseMessage response)
        {
            var route = path.Split('?')[0];
            var operation = document["paths"]![route]![response.RequestMessage!.Method.Method.ToLowerInvariant()]!;
            var schema = operation["responses"]![((int)response.StatusCode).ToString()]!["content"]!["application/json"]!["schema"]!.AsObject();
            var body = JsonNode.Parse(await response.Content.ReadAsStringAsync());
            SchemaConformance.Assert(document, schema, body, path);
            checkedPaths.Add(route);
        }

        async Task GetAsync(string path)
        {
            using var response = await Gateway.Http.GetAsync(path);
            await CheckAsync("/" + path, response);
        }

        foreach (var order in new[] { "slot_asc", "slot_desc" })
        {
            await GetAsync($"api/events?mint={mint}&order_by={order}&limit=1000");
        }

        foreach (var interval in Intervals)
        {
            await GetAsync($"api/kline?mint={mint}&interval={interval}&limit=1000&fill_gaps=true");
        }

        foreach (var candidate in mints)
        {
            await GetAsync($"api/mint_orders?mint={candidate}&type=up_orders&limit=1000");
            await GetAsync($"api/mint_orders?mint={candidate}&type=down_orders&limit=1000");
        }

        foreach (var sort in new[] { "slot_desc", "slot_asc", "last_trade_desc", "volume_desc" })
        {
            await GetAsync($"api/mints?sort_by={sort}&limit=3");
        }

        foreach (var user in users.Take(5))
        {
            await GetAsync($"api/user_event?user={user}&limit=1000");
            await GetAsync($"api/user_orders?user={user}&limit=1000");
        }

        foreach (var path in new[] { "api/time", "api/events/status", "api/events/stats", "api/events/db-stats", "api/kline/status", "api/kline/subscriptions", "health", "alive" })
        {
            await GetAsync(path);
        }

        await GetAsync($"api/events?mint={mint}&page=0");
        using (var details = await Gateway.Http.PostAsJsonAsync("api/details", new { mints }))
        {
            await CheckAsync("/api/details", details);
        }

        using (var bad = await Gateway.Http.PostAsync("api/details", new StringContent("{", Encoding.UTF8, "application/json")))
        {
            await CheckAsync("/api/details", bad);
        }

        Assert.Equal(document["paths"]!.AsObject().Select(p => p.Key).Order(), checkedPaths.Order());
    }

    [Fact]
    public async Task EveryPageLimitWalkOverEveryListReturnsEachRowExactlyOnce()
    {
        var mints = populated.Truth.Keys.ToList();
        foreach (var mint in mints)
        {
            foreach (var order in new[] { "slot_asc", "slot_desc" })
            {
                await AssertWalkAsync($"api/events?mint={mint}&order_by={order}", "events", [7, 50], populated.Truth[mint].Count);
            }

            foreach (var type in new[] { "up_orders", "down_orders" })
            {
                await AssertWalkAsync($"api/mint_orders?mint={mint}&type={type}", "orders", [1, 3], null);
            }
        }

        foreach (var interval in Intervals)
        {
            foreach (var order in new[] { "time_asc", "time_desc" })
            {
                await AssertWalkAsync($"api/kline?mint={mints[0]}&interval={interval}&order_by={order}", "klines", [5, 50], null);
                await AssertWalkAsync($"api/kline?mint={mints[0]}&interval={interval}&order_by={order}&fill_gaps=true", "klines", [9], null);
            }
        }

        foreach (var user in Users().Take(6))
        {
            foreach (var order in new[] { "slot_asc", "slot_desc" })
            {
                await AssertWalkAsync($"api/user_event?user={user}&order_by={order}", "transactions", [2, 5], null);
            }

            foreach (var order in new[] { "start_time_asc", "start_time_desc" })
            {
                await AssertWalkAsync($"api/user_orders?user={user}&order_by={order}", "orders", [1, 2], null);
            }
        }
    }

    [Fact]
    public async Task EveryCursorWalkOverTheCatalogReturnsEachMintExactlyOnce()
    {
        foreach (var sort in new[] { "slot_desc", "slot_asc", "last_trade_desc", "volume_desc" })
        {
            foreach (var limit in new[] { 1, 4 })
            {
                var seen = new List<string>();
                string? cursor = null;
                long total;
                do
                {
                    var data = (await Gateway.GetJsonAsync($"api/mints?sort_by={sort}&limit={limit}" + (cursor is null ? "" : $"&cursor={cursor}")))["data"]!;
                    total = data["total"]!.GetValue<long>();
                    var rows = data["mints"]!.AsArray().Select(m => m!.GetValue<string>()).ToList();
                    Assert.InRange(rows.Count, 1, limit);
                    seen.AddRange(rows);
                    cursor = data["next_cursor"]?.GetValue<string>();
                    Assert.Equal(cursor is not null, data["has_next"]!.GetValue<bool>());
                }
                while (cursor is not null);

                Assert.Equal(populated.Truth.Count, total);
                Assert.Equal(populated.Truth.Keys.Order(), seen.Order());
            }
        }
    }

    // A walk with each page size: the pages, concatenated, equal the whole list in one page; totals agree;
    // has_next/has_prev tell the truth. Candle is_final is left out: it may turn true between two requests.
    private async Task AssertWalkAsync(string query, string rows, int[] limits, int? expectedTotal)
    {
        var whole = (await Gateway.GetJsonAsync($"{query}&limit=1000"))["data"]!;
        var all = Rows(whole, rows);
        var total = whole["total"]!.GetValue<long>();
        Assert.Equal(all.Count, total);
        if (expectedTotal is { } expected)
        {
            Assert.Equal(expected, total);
        }

        foreach (var limit in limits)
        {
            var walked = new List<string>();
            for (var page = 1; ; page++)
            {
                var data = (await Gateway.GetJsonAsync($"{query}&limit={limit}&page={page}"))["data"]!;
                var pageRows = Rows(data, rows);
                walked.AddRange(pageRows);
                Assert.Equal(total, data["total"]!.GetValue<long>());
                Assert.Equal(page > 1, data["has_prev"]!.GetValue<bool>());
                if (!data["has_next"]!.GetValue<bool>())
                {
                    Assert.True(pageRows.Count <= limit, $"{query} page {page} has {pageRows.Count} rows for limit {limit}");
                    break;
                }

                Assert.Equal(limit, pageRows.Count);
                Assert.True(page <= total, $"{query} never ends");
            }

            Assert.Equal(all, walked);
            Assert.Empty(Rows((await Gateway.GetJsonAsync($"{query}&limit={limit}&page={(total / limit) + 2}"))["data"]!, rows));
        }
    }

    private static List<string> Rows(JsonNode data, string name) => data[name]!.AsArray().Select(r =>
    {
        var row = r!.AsObject().DeepClone().AsObject();
        row.Remove("is_final");
        return row.ToJsonString();
    }).ToList();

    private List<string> Users() => populated.Truth.Values.SelectMany(e => e)
        .Select(e => e["payer"]!.GetValue<string>())
        .GroupBy(u => u).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key).ToList();
}

/// <summary>Checks a JSON value against an OpenAPI 3.1 schema of the document: types, exact property sets of objects,
/// array items, and discriminated unions.</summary>
internal static class SchemaConformance
{
    public static void Assert(JsonObject document, JsonObject schema, JsonNode? value, string where)
    {
        schema = Resolve(document, schema);
        if (schema["discriminator"] is JsonObject discriminator && value is JsonObject tagged)
        {
            var tag = tagged[discriminator["propertyName"]!.GetValue<string>()]?.GetValue<string>();
            var target = discriminator["mapping"]![tag ?? string.Empty]?.GetValue<string>();
            Xunit.Assert.True(target is not null, $"{where}: discriminator value '{tag}' is not in the schema");
            Assert(document, new JsonObject { ["$ref"] = target }, value, where);
            return;
        }

        if (schema["anyOf"] is JsonArray anyOf || schema["oneOf"] is JsonArray)
        {
            var failures = new List<string>();
            foreach (var option in (schema["anyOf"] ?? schema["oneOf"])!.AsArray())
            {
                try
                {
                    Assert(document, option!.AsObject(), value, where);
                    return;
                }
                catch (Xunit.Sdk.XunitException ex)
                {
                    failures.Add(ex.Message);
                }
            }

            Xunit.Assert.Fail($"{where}: no alternative matches: {string.Join(" | ", failures)}");
        }

        var types = schema["type"] switch
        {
            JsonArray list => list.Select(t => t!.GetValue<string>()).ToHashSet(),
            JsonValue one => [one.GetValue<string>()],
            _ => null,
        };
        var kind = KindOf(value);
        if (types is not null)
        {
            Xunit.Assert.True(types.Contains(kind) || (kind == "integer" && types.Contains("number")),
                $"{where}: {kind} where the schema says {string.Join("|", types)}: {value?.ToJsonString()}");
        }

        switch (value)
        {
            case JsonObject obj when schema["properties"] is JsonObject properties:
                var extra = obj.Select(p => p.Key).Except(properties.Select(p => p.Key)).ToList();
                var missing = properties.Select(p => p.Key).Except(obj.Select(p => p.Key)).ToList();
                Xunit.Assert.True(extra.Count == 0 && missing.Count == 0,
                    $"{where}: fields not in the schema [{string.Join(", ", extra)}], schema fields not served [{string.Join(", ", missing)}]");
                foreach (var (name, property) in properties)
                {
                    Assert(document, property!.AsObject(), obj[name], $"{where}.{name}");
                }

                break;
            case JsonArray array when schema["items"] is JsonObject items:
                for (var i = 0; i < array.Count; i++)
                {
                    Assert(document, items, array[i], $"{where}[{i}]");
                }

                break;
        }
    }

    private static JsonObject Resolve(JsonObject document, JsonObject schema)
    {
        while (schema["$ref"]?.GetValue<string>() is { } reference)
        {
            var node = (JsonNode)document;
            foreach (var part in reference.TrimStart('#', '/').Split('/'))
            {
                node = node[part]!;
            }

            schema = node.AsObject();
        }

        return schema;
    }

    private static string KindOf(JsonNode? value) => value?.GetValueKind() switch
    {
        null or JsonValueKind.Null => "null",
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        JsonValueKind.Number => value.GetValue<JsonElement>().TryGetInt64(out _) || value.GetValue<JsonElement>().TryGetUInt64(out _) ? "integer" : "number",
        _ => "unknown",
    };
}
