using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Spin.Gateway.Tests.Infrastructure;

namespace Spin.Gateway.Tests.Api;

public sealed class UsersApiTests(GatewayFactory factory) : IClassFixture<GatewayFactory>
{
    private const string User = "So11111111111111111111111111111111111111112";

    [Theory]
    [InlineData("/api/user_event", "user parameter cannot be empty")]
    [InlineData("/api/user_event?user=abc", "user parameter must be a base58 address of 32 bytes")]
    [InlineData($"/api/user_event?user={User}&mint=0OIl", "mint parameter must be a base58 address of 32 bytes")]
    [InlineData($"/api/user_event?user={User}&order_by=newest", "order_by must be 'slot_asc' or 'slot_desc'")]
    [InlineData($"/api/user_orders?user={User}&order_by=invalid", "order_by must be 'start_time_asc' or 'start_time_desc'")]
    [InlineData($"/api/user_orders?user={User}&limit=1001", "limit cannot exceed 1000")]
    [InlineData("/api/user_orders?user=", "user parameter cannot be empty")]
    public async Task RejectsBadInputWithTheEnvelopeAndA400(string path, string message)
    {
        using var response = await factory.CreateClient().GetAsync(path);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(body!["success"]!.GetValue<bool>());
        Assert.Equal(message, body["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task AnswersAnUnknownUserWithEmptyListsAndSpinServersShape()
    {
        var events = await factory.CreateClient().GetFromJsonAsync<JsonObject>($"/api/user_event?user={User}");
        var orders = await factory.CreateClient().GetFromJsonAsync<JsonObject>($"/api/user_orders?user={User}&mint={User}");

        Assert.Equal($$"""{"transactions":[],"total":0,"page":1,"limit":50,"has_next":false,"has_prev":false,"user":"{{User}}","mint_account":null}""",
            events!["data"]!.ToJsonString());
        Assert.Equal($$"""{"orders":[],"total":0,"user":"{{User}}","mint_account":"{{User}}","page":1,"limit":50,"has_next":false,"has_prev":false}""",
            orders!["data"]!.ToJsonString());
    }
}
