using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Spin.Chain.Rpc;

namespace Spin.Chain.Tests.Rpc;

public sealed class SolanaRpcClientTests : IAsyncLifetime
{
    private const string Program = "JBMmrp6jhksqnxDBskkmVvWHhJLaPBjgiMHEroJbUTBZ";
    private ScriptedNode _node = null!;
    private SolanaRpcClient _client = null!;

    public async Task InitializeAsync()
    {
        _node = await ScriptedNode.StartAsync();
        // A generous timeout: a first request on a loaded machine (JIT, Kestrel's first connection) can take a second,
        // and a retry would send the scripted node a second request the exact-request assertions do not expect.
        _client = CreateClient(TimeSpan.FromSeconds(15));
    }

    private SolanaRpcClient CreateClient(TimeSpan timeout) => new(new HttpClient(), new SolanaRpcOptions
    {
        RpcUrl = _node.Url, Timeout = timeout, MaxAttempts = 3,
        InitialBackoff = TimeSpan.FromMilliseconds(10), MaxBackoff = TimeSpan.FromMilliseconds(50), MaxBatchSize = 2,
    }, NullLogger<SolanaRpcClient>.Instance);

    public async Task DisposeAsync() => await _node.DisposeAsync();

    [Fact]
    public async Task SendsPagingParametersAndReadsSignatureEntries()
    {
        _node.Http = (c, body) => c.Response.WriteAsync(Reply(body, """
            [{"signature":"s2","slot":9,"err":null,"memo":null,"blockTime":1700000009,"confirmationStatus":"confirmed"},
             {"signature":"s1","slot":8,"err":{"InstructionError":[0,{"Custom":1}]},"memo":null,"blockTime":null,"confirmationStatus":"confirmed"}]
            """));

        var page = await _client.GetSignaturesForAddressAsync(Program, "b", "u", 2, CancellationToken.None);

        Assert.Equal([new SignatureInfo("s2", 9, false, 1700000009), new SignatureInfo("s1", 8, true, null)], page);
        using var request = JsonDocument.Parse(_node.Requests.Single());
        Assert.Equal("getSignaturesForAddress", request.RootElement.GetProperty("method").GetString());
        Assert.Equal("""["JBMmrp6jhksqnxDBskkmVvWHhJLaPBjgiMHEroJbUTBZ",{"limit":2,"before":"b","until":"u","commitment":"confirmed"}]""",
            request.RootElement.GetProperty("params").GetRawText());
    }

    [Fact]
    public async Task PagesSignaturesBackwardsToTheOldestAndReturnsThemInChainOrder()
    {
        // A node with signatures s1 (oldest) .. s5 (newest) newer than "u", listed newest first two at a time.
        var chain = new[] { "s1", "s2", "s3", "s4", "s5" };
        _node.Http = (c, body) =>
        {
            var config = body.GetProperty("params")[1];
            var start = config.TryGetProperty("before", out var before) ? Array.IndexOf(chain, before.GetString()) : chain.Length;
            var page = chain[..start].Reverse().Take(config.GetProperty("limit").GetInt32())
                .Select((s, i) => $$"""{"signature":"{{s}}","slot":{{Array.IndexOf(chain, s)}},"err":null,"blockTime":null}""");
            return c.Response.WriteAsync(Reply(body, $"[{string.Join(',', page)}]"));
        };

        var all = await _client.GetSignaturesInChainOrderAsync(Program, "u", 2, CancellationToken.None);

        Assert.Equal(chain, all.Select(s => s.Signature));
        var befores = _node.Requests.Select(r => JsonDocument.Parse(r).RootElement.GetProperty("params")[1])
            .Select(c => c.TryGetProperty("before", out var b) ? b.GetString() : null).ToList();
        Assert.Equal([null, "s4", "s2"], befores);
    }

    [Fact]
    public async Task BatchesTransactionsAndMatchesAnswersGivenOutOfOrder()
    {
        _node.Http = (c, body) =>
        {
            var batch = body.ValueKind == JsonValueKind.Array;
            var answers = (batch ? body.EnumerateArray().Reverse().ToList() : [body]).Select(r =>
            {
                var signature = r.GetProperty("params")[0].GetString();
                var result = signature == "missing" ? "null"
                    : """{"slot":5,"blockTime":77,"meta":{"err":null,"logMessages":["log of SIG"]},"transaction":{"signatures":["SIG"]}}""".Replace("SIG", signature);
                return $$"""{"jsonrpc":"2.0","id":{{r.GetProperty("id").GetInt64()}},"result":{{result}}}""";
            });
            return c.Response.WriteAsync(batch ? "[" + string.Join(",", answers) + "]" : answers.Single());
        };

        var transactions = await _client.GetTransactionsAsync(["a", "missing", "c"], CancellationToken.None);

        Assert.Equal(["log of a"], transactions[0]!.LogMessages);
        Assert.Null(transactions[1]);
        Assert.Equal(["log of c"], transactions[2]!.LogMessages);
        Assert.Equal(2, _node.Requests.Count);
    }

    [Fact]
    public async Task HonoursRetryAfterOn429AndRetriesServerErrors()
    {
        var calls = 0;
        _node.Http = (c, body) =>
        {
            switch (Interlocked.Increment(ref calls))
            {
                case 1:
                    c.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                    c.Response.Headers.RetryAfter = "0";
                    return Task.CompletedTask;
                case 2:
                    c.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                    return Task.CompletedTask;
                default:
                    return c.Response.WriteAsync(Reply(body, "123"));
            }
        };

        Assert.Equal(123UL, await _client.GetSlotAsync(CancellationToken.None));
        Assert.Equal(3, calls);
    }

    [Fact]
    public async Task RetriesATimedOutRequestThenGivesUpWithAClearError()
    {
        _node.Http = async (c, _) => await Task.Delay(TimeSpan.FromSeconds(30), c.RequestAborted);
        var client = CreateClient(TimeSpan.FromMilliseconds(300));

        var error = await Assert.ThrowsAsync<SolanaRpcException>(() => client.GetSlotAsync(CancellationToken.None));

        Assert.Contains("getSlot", error.Message);
        Assert.Contains("after 3 attempts", error.Message);
    }

    [Fact]
    public async Task SurfacesJsonRpcErrorsWithTheirCodeAndTreatsMissingBlocksAsNull()
    {
        _node.Http = (c, body) => c.Response.WriteAsync(body.GetProperty("method").GetString() == "getBlockTime"
            ? """{"jsonrpc":"2.0","id":BODYID,"error":{"code":-32004,"message":"Block not available for slot 5"}}""".Replace("BODYID", Id(body))
            : """{"jsonrpc":"2.0","id":BODYID,"error":{"code":-32602,"message":"Invalid param"}}""".Replace("BODYID", Id(body)));

        var error = await Assert.ThrowsAsync<SolanaRpcException>(() => _client.GetSignaturesForAddressAsync("x", null, null, 1, CancellationToken.None));

        Assert.Equal(-32602, error.Code);
        Assert.Null(await _client.GetBlockTimeAsync(5, CancellationToken.None));
    }

    [Fact]
    public async Task ReportsAnUnhealthyNodeAsFalse()
    {
        _node.Http = (c, body) => c.Response.WriteAsync("""{"jsonrpc":"2.0","id":ID,"error":{"code":-32005,"message":"Node is behind"}}""".Replace("ID", Id(body)));

        Assert.False(await _client.GetHealthAsync(CancellationToken.None));
    }

    private static string Id(JsonElement body) => body.GetProperty("id").GetRawText();

    private static string Reply(JsonElement body, string result) => $$"""{"jsonrpc":"2.0","id":{{Id(body)}},"result":{{result}}}""";
}
