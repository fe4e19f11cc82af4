using System.Net;
using System.Text.Json;
using Spin.ChainSimulator.Ledger;
using Spin.ChainSimulator.Tests.Infrastructure;

namespace Spin.ChainSimulator.Tests.Rpc;

public sealed class JsonRpcEnvelopeTests(PrefilledChainFixture fixture) : IClassFixture<PrefilledChainFixture>
{
    private const string PlainHealthCall = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"getHealth\"}";

    private SimulatorHost Host => fixture.Host;

    [Fact]
    public async Task AnswersABatchWithAnArrayEchoingNumberAndStringIds()
    {
        var body = await Host.PostAsync("""
            [{"jsonrpc":"2.0","id":7,"method":"getHealth"},{"jsonrpc":"2.0","id":"abc","method":"getSlot"},
             {"jsonrpc":"2.0","id":9,"method":"noSuchMethod"},{"jsonrpc":"2.0","method":"getHealth"}]
            """);

        var answers = JsonDocument.Parse(body).RootElement.EnumerateArray().ToList();

        Assert.Equal(3, answers.Count);
        Assert.Equal("""{"jsonrpc":"2.0","result":"ok","id":7}""", answers[0].GetRawText());
        Assert.Equal("abc", answers[1].GetProperty("id").GetString());
        Assert.Equal(Host.Ledger.Slot, answers[1].GetProperty("result").GetUInt64());
        Assert.Equal("""{"jsonrpc":"2.0","error":{"code":-32601,"message":"Method not found"},"id":9}""", answers[2].GetRawText());
    }

    [Theory]
    [InlineData("{not json", """{"jsonrpc":"2.0","error":{"code":-32700,"message":"Parse error"},"id":null}""")]
    [InlineData("[]", """{"jsonrpc":"2.0","error":{"code":-32600,"message":"Invalid request"},"id":null}""")]
    [InlineData("""{"jsonrpc":"1.0","id":4,"method":"getSlot"}""", """{"jsonrpc":"2.0","error":{"code":-32600,"message":"Invalid request"},"id":4}""")]
    [InlineData("""{"jsonrpc":"2.0","method":"getSlot"}""", "")]
    public async Task AnswersMalformedRequestsAsTheValidatorDoes(string request, string expected)
    {
        var body = await Host.PostAsync(request);

        Assert.Equal(expected.Length == 0 ? "" : expected + "\n", body);
    }

    [Fact]
    public async Task RefusesBodiesThatAreNotDeclaredAsJson()
    {
        using var response = await Host.Http.PostAsync("", new StringContent(PlainHealthCall));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("Supplied content type is not allowed. Content-Type: application/json is required\n", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("getSignaturesForAddress", """["notbase58!"]""", -32602, "Invalid param: Invalid")]
    [InlineData("getSignaturesForAddress", """["JBMmrp6jhksqnxDBskkmVvWHhJLaPBjgiMHEroJbUTBZ",{"limit":1001}]""", -32602, "Invalid limit; max 1000")]
    [InlineData("getSignaturesForAddress", """["JBMmrp6jhksqnxDBskkmVvWHhJLaPBjgiMHEroJbUTBZ",{"commitment":"processed"}]""", -32602, "Method does not support commitment below `confirmed`")]
    [InlineData("getTransaction", """[12]""", -32602, "Invalid params: invalid type: integer `12`, expected a string.")]
    [InlineData("getTransaction", """[]""", -32602, "Invalid params: invalid length 0, expected at least 1 params.")]
    [InlineData("getBlockTime", """[999999999999]""", -32004, "Block not available for slot 999999999999")]
    public async Task RejectsInvalidParamsWithTheValidatorsCodesAndMessages(string method, string parameters, int code, string message)
    {
        var error = (await Host.CallAsync(method, parameters)).GetProperty("error");

        Assert.Equal(code, error.GetProperty("code").GetInt32());
        Assert.Equal(message, error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task ReportsTheContextSlotWhenTheMinimumContextSlotIsNotReached()
    {
        var response = await Host.CallAsync("getSlot", $$"""[{"minContextSlot":{{Host.Ledger.Slot + 5}}}]""");

        Assert.Equal(
            $$$"""{"jsonrpc":"2.0","error":{"code":-32016,"message":"Minimum context slot has not been reached","data":{"contextSlot":{{{Host.Ledger.Slot}}}}},"id":1}""",
            response.GetRawText());
    }

    [Fact]
    public async Task ServesHealthVersionAndBlockTimes()
    {
        var version = await Host.ResultAsync("getVersion");
        var blockTime = await Host.ResultAsync("getBlockTime", $"[{Host.Ledger.Slot}]");

        Assert.Equal("ok", (await Host.ResultAsync("getHealth")).GetString());
        Assert.Equal("2.2.0", version.GetProperty("solana-core").GetString());
        Assert.True(version.GetProperty("feature-set").GetUInt32() > 0);
        Assert.Equal(ChainLedger.BlockTimeOf(Host.Ledger.Slot), blockTime.GetInt64());
        Assert.Equal("ok", await Host.Http.GetStringAsync("health"));
    }
}
