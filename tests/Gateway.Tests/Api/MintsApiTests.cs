using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Spin.Gateway.Tests.Infrastructure;

namespace Spin.Gateway.Tests.Api;

public sealed class MintsApiTests(GatewayFactory factory) : IClassFixture<GatewayFactory>
{
    [Theory]
    [InlineData("?limit=1001", "limit cannot exceed 1000")]
    [InlineData("?page=0", "page must be greater than 0")]
    [InlineData("?sort_by=newest", "sort_by must be 'slot_desc' or 'slot_asc' or 'last_trade_desc' or 'volume_desc'")]
    [InlineData("?cursor=mt:0000049433:81WZ", "cursor is not a next_cursor of this endpoint and sort_by")]
    [InlineData("?cursor=MjoxOlNvMTExMTExMTExMTExMTExMTExMTExMTExMTExMTExMTExMTExMTExMTEy", "cursor is not a next_cursor of this endpoint and sort_by")]
    public async Task RejectsBadInputWithTheEnvelopeAndA400(string query, string message)
    {
        using var response = await factory.CreateClient().GetAsync($"/api/mints{query}");
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(message, body!["message"]!.GetValue<string>());
        Assert.Equal("""{"mints":[],"total":0,"page":0,"limit":0,"has_next":false,"has_prev":false,"next_cursor":null,"sort_by":""}""", body["data"]!.ToJsonString());
    }

    [Fact]
    public async Task ListsNothingWithARealZeroTotalBeforeAnyMintIsSeen()
    {
        var body = await factory.CreateClient().GetFromJsonAsync<JsonObject>("/api/mints");

        Assert.Equal("""{"mints":[],"total":0,"page":1,"limit":50,"has_next":false,"has_prev":false,"next_cursor":null,"sort_by":"slot_desc"}""", body!["data"]!.ToJsonString());
    }
}
