using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Spin.Gateway.Tests.Infrastructure;

namespace Spin.Gateway.Tests.Api;

public sealed class KlineApiTests(GatewayFactory factory) : IClassFixture<GatewayFactory>
{
    private const string Mint = "So11111111111111111111111111111111111111112";

    [Theory]
    [InlineData("?interval=s1", "mint parameter cannot be empty")]
    [InlineData($"?mint={Mint}", "interval parameter must be one of: s1, s30, m5, m1, m15, h1, h4, d1")]
    [InlineData($"?mint={Mint}&interval=s5", "interval parameter must be one of: s1, s30, m5, m1, m15, h1, h4, d1")]
    [InlineData($"?mint={Mint}&interval=m5&limit=5000", "limit cannot exceed 1000")]
    [InlineData($"?mint={Mint}&interval=m5&page=0", "page must be greater than 0")]
    [InlineData($"?mint={Mint}&interval=m5&order_by=newest", "order_by must be 'time_asc' or 'time_desc'")]
    [InlineData($"?mint={Mint}&interval=m5&from=20&to=10", "from must not be after to")]
    [InlineData($"?mint={Mint}&interval=m5&from=-1", "from must be a Unix time in seconds")]
    [InlineData($"?mint={Mint}&interval=m5&fill_gaps=yes", "fill_gaps must be 'true' or 'false'")]
    public async Task RejectsBadInputWithTheEnvelopeAndA400(string query, string message)
    {
        using var response = await factory.CreateClient().GetAsync($"/api/kline{query}");
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(message, body!["message"]!.GetValue<string>());
        Assert.Equal("""{"klines":[],"total":0,"page":0,"limit":0,"has_next":false,"has_prev":false,"interval":"","mint_account":""}""",
            body["data"]!.ToJsonString());
    }

    [Fact]
    public async Task AnswersAnUnknownMintWithAnEmptyList()
    {
        var body = await factory.CreateClient().GetFromJsonAsync<JsonObject>($"/api/kline?mint={Mint}&interval=s30");

        Assert.True(body!["success"]!.GetValue<bool>());
        Assert.Equal($$"""{"klines":[],"total":0,"page":1,"limit":50,"has_next":false,"has_prev":false,"interval":"s30","mint_account":"{{Mint}}"}""",
            body["data"]!.ToJsonString());
    }
}
