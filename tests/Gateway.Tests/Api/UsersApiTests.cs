using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Spin.Chain.Binary;
using Spin.Gateway.Tests.Infrastructure;
using Spin.Grains.Interfaces.Events;
using Spin.Grains.Interfaces.Mints;

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

    [Fact]
    public async Task EndsEveryEventDataWithTimestampSignatureAndSlotAsSpinServersEventStructsDo()
    {
        var (mint, user, signature) = (NewKey(), NewKey(), NewKey() + NewKey());
        var order = new LongShortEvent(user, mint, NewKey(), 5_000, 1, mint, user, 2_000, 1_000, 3, 4, 1_767_225_600, 1_767_312_000, 5, 6, 7, 300);
        await factory.Services.GetRequiredService<IGrainFactory>().GetGrain<IMintGrain>(mint)
            .Apply([new ChainEvent(new EventId(signature, 0), 77, 1_767_225_600, order)]);

        var data = (await factory.CreateClient().GetFromJsonAsync<JsonObject>($"/api/user_event?user={user}"))!["data"]!;

        var item = Assert.Single(data["transactions"]!.AsArray())!.AsObject();
        var eventData = item["event_data"]!.AsObject();
        Assert.Equal(["event_type", "user", "mint_account", "slot", "timestamp", "signature", "event_data"], item.Select(p => p.Key));
        Assert.Equal(["payer", "mint_account", "order_pda", "latest_price", "order_type", "mint", "user", "lock_lp_start_price", "lock_lp_end_price",
            "lock_lp_sol_amount", "lock_lp_token_amount", "start_time", "end_time", "margin_sol_amount", "borrow_amount", "position_asset_amount",
            "borrow_fee", "timestamp", "signature", "slot"], eventData.Select(p => p.Key));
        Assert.Equal("2026-01-01T00:00:00Z", eventData["timestamp"]!.GetValue<string>());
        Assert.Equal(signature, eventData["signature"]!.GetValue<string>());
        Assert.Equal(77, eventData["slot"]!.GetValue<long>());
        Assert.Equal(1_767_225_600, item["timestamp"]!.GetValue<long>());
    }

    private static string NewKey() => PublicKey.ToBase58(Guid.NewGuid().ToByteArray().Concat(Guid.NewGuid().ToByteArray()).ToArray());
}
