using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Spin.Chain.Binary;
using Spin.Gateway.Tests.Infrastructure;
using Spin.Grains.Interfaces.Events;
using Spin.Grains.Interfaces.Mints;

namespace Spin.Gateway.Tests.Api;

public sealed class OrdersAndDetailsApiTests(GatewayFactory factory) : IClassFixture<GatewayFactory>
{
    private const string Mint = "So11111111111111111111111111111111111111112";

    [Theory]
    [InlineData("?type=up_orders", "mint parameter cannot be empty")]
    [InlineData($"?mint={Mint}", "type parameter must be 'up_orders' or 'down_orders'")]
    [InlineData($"?mint={Mint}&type=long", "type parameter must be 'up_orders' or 'down_orders'")]
    [InlineData($"?mint={Mint}&type=up_orders&limit=1001", "limit cannot exceed 1000")]
    [InlineData($"?mint={Mint}&type=up_orders&page=0", "page must be greater than 0")]
    public async Task RejectsBadOrderQueriesWithTheEnvelopeAndA400(string query, string message)
    {
        using var response = await factory.CreateClient().GetAsync($"/api/mint_orders{query}");
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(message, body!["message"]!.GetValue<string>());
        Assert.Equal("""{"orders":[],"total":0,"order_type":"","mint_account":"","page":0,"limit":0,"has_next":false,"has_prev":false}""",
            body["data"]!.ToJsonString());
    }

    [Theory]
    [InlineData("{not json", "request body must be JSON: {\"mints\": [\"<mint>\", ...]}")]
    [InlineData("{}", "mints parameter cannot be empty")]
    [InlineData("""{"mints":[]}""", "mints parameter cannot be empty")]
    [InlineData("""{"mints":["nope",""]}""", "mints[0] must be a base58 address of 32 bytes")]
    [InlineData("""{"mints":["So11111111111111111111111111111111111111112",null]}""", "mints[1] must be a base58 address of 32 bytes")]
    public async Task RejectsBadDetailRequestsWithTheEnvelopeAndA400(string body, string message)
    {
        using var response = await factory.CreateClient().PostAsync("/api/details", new StringContent(body, Encoding.UTF8, "application/json"));
        var json = await response.Content.ReadFromJsonAsync<JsonObject>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(message, json!["message"]!.GetValue<string>());
        Assert.Equal("""{"details":[],"total":0}""", json["data"]!.ToJsonString());
    }

    [Fact]
    public async Task RejectsMoreThanAThousandMintsInsteadOfTruncating()
    {
        using var response = await factory.CreateClient().PostAsJsonAsync("/api/details", new { mints = Enumerable.Repeat(Mint, 1001) });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task LeavesOutMalformedMintsAmongValidOnesAndNamesThemInTheMessage()
    {
        var known = PublicKey.ToBase58(Guid.NewGuid().ToByteArray().Concat(Guid.NewGuid().ToByteArray()).ToArray());
        var created = new TokenCreatedEvent(Mint, known, Mint, Mint, Mint, Mint, Mint, Mint, 100, 200, 0, "Spin", "SPIN", "");
        await factory.Services.GetRequiredService<IGrainFactory>().GetGrain<IMintGrain>(known)
            .Apply([new ChainEvent(new EventId("sig-" + known, 0), 1, 1_767_225_600, created)]);

        using var response = await factory.CreateClient().PostAsJsonAsync("/api/details", new { mints = new[] { known, "nope", Mint, "", known } });
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(body!["success"]!.GetValue<bool>());
        Assert.Equal([known, known], body["data"]!["details"]!.AsArray().Select(d => d!["mint_account"]!.GetValue<string>()));
        Assert.Equal(2, body["data"]!["total"]!.GetValue<int>());
        Assert.Equal("Operation successful; left out, not base58 addresses of 32 bytes: mints[1] 'nope', mints[3] ''", body["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task OmitsUnknownMints()
    {
        var body = await (await factory.CreateClient().PostAsJsonAsync("/api/details", new { mints = new[] { Mint } })).Content.ReadFromJsonAsync<JsonObject>();

        Assert.Equal("""{"details":[],"total":0}""", body!["data"]!.ToJsonString());
    }
}
