using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Spin.Gateway.Tests.Infrastructure;

namespace Spin.Gateway.Tests.Api;

public sealed class EventsApiTests(GatewayFactory factory) : IClassFixture<GatewayFactory>
{
    private const string Mint = "So11111111111111111111111111111111111111112";

    [Theory]
    [InlineData("", "mint parameter cannot be empty")]
    [InlineData("?mint=", "mint parameter cannot be empty")]
    [InlineData("?mint=not-base58-0OIl", "mint parameter must be a base58 address of 32 bytes")]
    [InlineData("?mint=111", "mint parameter must be a base58 address of 32 bytes")]
    [InlineData($"?mint={Mint}&limit=1001", "limit cannot exceed 1000")]
    [InlineData($"?mint={Mint}&limit=-1", "limit must not be negative")]
    [InlineData($"?mint={Mint}&page=0", "page must be greater than 0")]
    [InlineData($"?mint={Mint}&page=abc", "page must be an integer")]
    [InlineData($"?mint={Mint}&order_by=newest", "order_by must be 'slot_asc' or 'slot_desc'")]
    public async Task RejectsBadInputWithTheEnvelopeAndA400(string query, string message)
    {
        using var response = await factory.CreateClient().GetAsync($"/api/events{query}");
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(body!["success"]!.GetValue<bool>());
        Assert.Equal(message, body["message"]!.GetValue<string>());
        Assert.Equal("""{"events":[],"total":0,"page":0,"limit":0,"has_next":false,"has_prev":false}""", body["data"]!.ToJsonString());
    }

    [Fact]
    public async Task AnswersAnUnknownMintWithAnEmptyPage()
    {
        var body = await factory.CreateClient().GetFromJsonAsync<JsonObject>($"/api/events?mint={Mint}&page=2&limit=10");

        Assert.True(body!["success"]!.GetValue<bool>());
        Assert.Equal("Operation successful", body["message"]!.GetValue<string>());
        Assert.Equal("""{"events":[],"total":0,"page":2,"limit":10,"has_next":false,"has_prev":true}""", body["data"]!.ToJsonString());
    }
}
