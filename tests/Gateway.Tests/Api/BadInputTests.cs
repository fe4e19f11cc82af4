using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Spin.Gateway.Tests.Infrastructure;

namespace Spin.Gateway.Tests.Api;

/// <summary>Every bad input the API can receive, sent to every endpoint that takes it: each gets a 400 with the envelope
/// (success false, the endpoint's data shape, a message naming the parameter), never a 500, a default or a plain-text error.</summary>
public sealed class BadInputTests(GatewayFactory factory) : IClassFixture<GatewayFactory>
{
    private const string Mint = "So11111111111111111111111111111111111111112";
    private const string User = "9WzDXwBbmkg8ZTbNMqUxvQRAyrZzDsGYdLVL9zYtAWWM";

    private static readonly Endpoint[] Endpoints =
    [
        new("/api/events", new() { ["mint"] = Mint }, ["mint"], [], ["order_by"], []),
        new("/api/kline", new() { ["mint"] = Mint, ["interval"] = "m1" }, ["mint"], [], ["interval", "order_by", "fill_gaps"], ["from", "to"]),
        new("/api/mint_orders", new() { ["mint"] = Mint, ["type"] = "up_orders" }, ["mint"], [], ["type"], []),
        new("/api/user_event", new() { ["user"] = User }, ["user"], ["mint"], ["order_by"], []),
        new("/api/user_orders", new() { ["user"] = User }, ["user"], ["mint"], ["order_by"], []),
        new("/api/mints", [], [], [], ["sort_by"], []),
    ];

    // Not base58 (0, O, I, l, punctuation), base58 of the wrong length, and a key one byte too long.
    private static readonly string[] BadAddresses = ["not-an-address", "0OIl0OIl0OIl0OIl0OIl0OIl0OIl0OIl", "1111", Mint + "1", " ", "%00"];

    public static TheoryData<string, string> BadQueries()
    {
        var cases = new TheoryData<string, string>();
        foreach (var endpoint in Endpoints)
        {
            foreach (var name in endpoint.RequiredAddresses)
            {
                cases.Add(endpoint.With(name, null), name);
                cases.Add(endpoint.With(name, ""), name);
                foreach (var bad in BadAddresses)
                {
                    cases.Add(endpoint.With(name, bad), name);
                }
            }

            foreach (var name in endpoint.OptionalAddresses)
            {
                foreach (var bad in BadAddresses)
                {
                    cases.Add(endpoint.With(name, bad), name);
                }
            }

            foreach (var page in new[] { "0", "-1", "abc", "1.5", "", "99999999999", "1e3" })
            {
                cases.Add(endpoint.With("page", page), "page");
            }

            foreach (var limit in new[] { "1001", "-1", "abc", "", "100000000000000000000" })
            {
                cases.Add(endpoint.With("limit", limit), "limit");
            }

            foreach (var name in endpoint.Enums)
            {
                cases.Add(endpoint.With(name, "bogus"), name);
                cases.Add(endpoint.With(name, "SLOT_DESC"), name);
            }

            foreach (var name in endpoint.Times)
            {
                cases.Add(endpoint.With(name, "-5"), name);
                cases.Add(endpoint.With(name, "yesterday"), name);
            }

            cases.Add(endpoint.Path + endpoint.Query(("page", "1"), ("page", "2")), "page");
        }

        cases.Add("/api/mints?cursor=bm90LWEtY3Vyc29y", "cursor");
        cases.Add("/api/mints?cursor=%%%", "cursor");
        cases.Add("/api/kline?mint=" + Mint + "&interval=m1&from=200&to=100", "from");
        cases.Add("/api/time?format=%25Q", "format");
        return cases;
    }

    public static TheoryData<string, string, string> BadDetailBodies() => new()
    {
        { "{not json", "application/json", "JSON" },
        { "", "application/json", "JSON" },
        { "[]", "application/json", "mints" },
        { "{}", "application/json", "mints" },
        { """{"mints":"So11111111111111111111111111111111111111112"}""", "application/json", "mints" },
        { """{"mints":[]}""", "application/json", "mints" },
        { """{"mints":[42]}""", "application/json", "mints[0]" },
        { """{"mints":[null]}""", "application/json", "mints[0]" },
        { """{"mints":["0OIl","not-an-address"]}""", "application/json", "mints[0]" },
        { """{"mints":["So11111111111111111111111111111111111111112",42]}""", "application/json", "mints[1]" },
        { "mints=So11111111111111111111111111111111111111112", "application/x-www-form-urlencoded", "JSON" },
        { "{\"mints\":[" + string.Join(",", Enumerable.Repeat($"\"{Mint}\"", 1001)) + "]}", "application/json", "1000" },
    };

    [Theory]
    [MemberData(nameof(BadQueries))]
    public async Task AnswersEveryBadQueryWithA400EnvelopeNamingTheParameter(string url, string parameter)
    {
        using var good = await factory.CreateClient().GetAsync(GoodUrlFor(url));
        using var response = await factory.CreateClient().GetAsync(url);

        await AssertRejectedAsync(url, response, good, parameter);
    }

    [Theory]
    [MemberData(nameof(BadDetailBodies))]
    public async Task AnswersEveryBadDetailsBodyWithA400Envelope(string body, string contentType, string named)
    {
        var client = factory.CreateClient();
        using var good = await client.PostAsync("/api/details", new StringContent($$"""{"mints":["{{Mint}}"]}""", Encoding.UTF8, "application/json"));
        using var response = await client.PostAsync("/api/details", new StringContent(body, Encoding.UTF8, contentType));

        await AssertRejectedAsync(body, response, good, named);
    }

    [Fact]
    public async Task TheTableCoversEveryListEndpointOfTheApi()
    {
        var document = (await factory.CreateClient().GetFromJsonAsync<JsonObject>("/api-docs/openapi.json"))!;
        var withQueries = document["paths"]!.AsObject()
            .Where(p => p.Value!["get"]?["parameters"]?.AsArray().Any(q => q!["name"]!.GetValue<string>() == "limit") == true)
            .Select(p => p.Key)
            .Order();

        Assert.Equal(Endpoints.Select(e => e.Path).Order(), withQueries);
    }

    private static string GoodUrlFor(string url) => Endpoints.FirstOrDefault(e => url.StartsWith(e.Path + "?", StringComparison.Ordinal) || url == e.Path)
        is { } endpoint ? endpoint.Path + endpoint.Query() : "/api/time";

    private static async Task AssertRejectedAsync(string request, HttpResponseMessage response, HttpResponseMessage good, string named)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{request} answered {(int)response.StatusCode}: {text}");
        Assert.StartsWith("application/json", response.Content.Headers.ContentType!.ToString());
        var body = JsonNode.Parse(text)!.AsObject();
        var reference = (await good.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        Assert.Equal(["success", "data", "message"], body.Select(p => p.Key));
        Assert.False(body["success"]!.GetValue<bool>());
        Assert.Contains(named, body["message"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(reference["data"]!.AsObject().Select(p => p.Key), body["data"]!.AsObject().Select(p => p.Key));
    }

    private sealed record Endpoint(string Path, Dictionary<string, string> Valid, string[] RequiredAddresses, string[] OptionalAddresses,
        string[] Enums, string[] Times)
    {
        public string With(string name, string? value)
        {
            var query = new Dictionary<string, string?>(Valid.Select(p => KeyValuePair.Create(p.Key, (string?)p.Value))) { [name] = value };
            var pairs = query.Where(p => p.Value is not null).Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value!)}").ToList();
            return pairs.Count == 0 ? Path : $"{Path}?{string.Join("&", pairs)}";
        }

        public string Query(params (string Name, string Value)[] extra)
        {
            var pairs = extra.Length > 0 || Valid.Count == 0 ? Valid.Where(p => extra.All(e => e.Name != p.Key)).Select(p => (p.Key, p.Value)).Concat(extra) : Valid.Select(p => (p.Key, p.Value));
            var list = pairs.ToList();
            return list.Count == 0 ? string.Empty : "?" + string.Join("&", list.Select(p => $"{p.Item1}={Uri.EscapeDataString(p.Item2)}"));
        }
    }
}
