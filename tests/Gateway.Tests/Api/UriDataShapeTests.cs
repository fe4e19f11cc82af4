using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Spin.Chain.Binary;
using Spin.Gateway.Tests.EndToEnd;
using Spin.Gateway.Tests.Infrastructure;
using Spin.Grains.Interfaces.Events;
using Spin.Grains.Interfaces.Mints;

namespace Spin.Gateway.Tests.Api;

/// <summary>The token metadata as spin-server serves it: <c>uri_data</c> in its fixed nine-field shape in
/// <c>/api/details</c>, and <c>image</c> (with name and symbol) in the orders of <c>/api/mint_orders</c> and
/// <c>/api/user_orders</c>. (The end-to-end contract test runs without metadata, so the filled shape is held to the
/// OpenAPI schema here.)</summary>
public sealed class UriDataShapeTests(UriDataFixture fixture) : IClassFixture<UriDataFixture>
{
    private const string Image = "https://example.com/spin.png";
    private const long BlockTime = 1_767_225_600;
    private static readonly UInt128 Price = UInt128.Parse("279589934762348555452");
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    private static readonly string[] OrderFields =
    [
        "order_type", "mint", "user", "lock_lp_start_price", "lock_lp_end_price", "lock_lp_sol_amount", "lock_lp_token_amount", "start_time",
        "end_time", "margin_sol_amount", "borrow_amount", "position_asset_amount", "borrow_fee", "order_pda", "latest_price",
        "latest_trade_time", "name", "symbol", "image",
    ];

    private IGrainFactory Grains => fixture.Gateway.Services.GetRequiredService<IGrainFactory>();

    [Fact]
    public async Task ServesUriDataInSpinServersNineFieldShapeAndTheDocumentAsFetched()
    {
        const string document = """{"name":"Spin 🚀","image":"https://example.com/spin.png","showName":true,"twitter":42,"extra":[1]}""";
        var mint = await TokenWithMetadataAsync(document);

        var body = await DetailsBodyAsync(mint);
        var openApi = (await fixture.Gateway.CreateClient().GetFromJsonAsync<JsonObject>("/api-docs/openapi.json"))!;

        var details = body["data"]!["details"]![0]!.AsObject();
        var uriData = details["uri_data"]!.AsObject();
        SchemaConformance.Assert(openApi, openApi["paths"]!["/api/details"]!["post"]!["responses"]!["200"]!["content"]!["application/json"]!["schema"]!.AsObject(),
            body, "/api/details");
        Assert.Equal(["name", "symbol", "description", "image", "showName", "createdOn", "twitter", "website", "telegram"], uriData.Select(p => p.Key));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""
            {"name":"Spin 🚀","symbol":null,"description":null,"image":"https://example.com/spin.png","showName":true,"createdOn":null,
             "twitter":null,"website":null,"telegram":null}
            """), uriData), uriData.ToJsonString());
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(document), details["uri_data_raw"]));
        Assert.Equal(["last_updated_at", "uri_data", "uri_data_raw", "buy_count"], details.Select(p => p.Key).Skip(22).Take(4));
    }

    [Fact]
    public async Task ServesNullUriDataForADocumentThatIsNotAnObjectButKeepsItRaw()
    {
        var mint = await TokenWithMetadataAsync("""[{"name":"in an array"}]""");

        var details = await DetailsAsync(mint);

        Assert.Null(details["uri_data"]);
        Assert.Equal("""[{"name":"in an array"}]""", details["uri_data_raw"]!.ToJsonString());
    }

    [Fact]
    public async Task FillsTheOrdersTokenFieldsAndImageFromUriDataInMintOrdersAndUserOrders()
    {
        var mint = await TokenWithMetadataAsync($$"""{"name":"Other","symbol":"OTH","image":"{{Image}}"}""");
        var user = NewKey();
        var order = new LongShortEvent(user, mint, NewKey(), Price, 2, mint, user, 1_000, 2_000, 3, 4, 1_767_225_600, 1_767_312_000, 5, 6, 7, 300);
        await Grains.GetGrain<IMintGrain>(mint).Apply([new ChainEvent(new EventId(NewKey() + NewKey(), 0), 2, BlockTime + 9, order)]);
        var client = fixture.Gateway.CreateClient();

        var byMint = await client.GetFromJsonAsync<JsonObject>($"/api/mint_orders?mint={mint}&type=up_orders");
        var byUser = await client.GetFromJsonAsync<JsonObject>($"/api/user_orders?user={user}");

        foreach (var orders in new[] { byMint!["data"]!["orders"]!.AsArray(), byUser!["data"]!["orders"]!.AsArray() })
        {
            var served = Assert.Single(orders)!.AsObject();
            Assert.Equal(OrderFields, served.Select(p => p.Key));
            Assert.Equal(Price.ToString(), served["latest_price"]!.GetValue<string>());
            Assert.Equal(BlockTime + 9, served["latest_trade_time"]!.GetValue<long>());
            Assert.Equal("Spin", served["name"]!.GetValue<string>());
            Assert.Equal("SPIN", served["symbol"]!.GetValue<string>());
            Assert.Equal(Image, served["image"]!.GetValue<string>());
        }
    }

    private static string NewKey() => PublicKey.ToBase58(Guid.NewGuid().ToByteArray().Concat(Guid.NewGuid().ToByteArray()).ToArray());

    // A token named "Spin" (SPIN) whose metadata document is served locally, once the document has been fetched.
    private async Task<string> TokenWithMetadataAsync(string document)
    {
        var mint = NewKey();
        fixture.Server.Serve($"/shape/{mint}.json", MetadataResponse.Json(document));
        var created = new TokenCreatedEvent(NewKey(), mint, NewKey(), NewKey(), NewKey(), NewKey(), NewKey(), NewKey(), 100, 200, 0, "Spin", "SPIN",
            $"{fixture.Server.BaseUrl}/shape/{mint}.json");
        await Grains.GetGrain<IMintGrain>(mint).Apply([new ChainEvent(new EventId(NewKey() + NewKey(), 0), 1, BlockTime, created)]);
        await Eventually.HoldsAsync(async () =>
        {
            var raw = (await DetailsAsync(mint))["uri_data_raw"];
            return (raw is not null, raw?.ToJsonString() ?? "null");
        }, Deadline, $"uri_data of {mint}");
        return mint;
    }

    private async Task<JsonObject> DetailsAsync(string mint) => (await DetailsBodyAsync(mint))["data"]!["details"]![0]!.AsObject();

    private async Task<JsonObject> DetailsBodyAsync(string mint)
    {
        using var response = await fixture.Gateway.CreateClient().PostAsJsonAsync("/api/details", new { mints = new[] { mint } });
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }
}
