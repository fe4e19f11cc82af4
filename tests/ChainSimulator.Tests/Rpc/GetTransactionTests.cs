using System.Text.Json;
using Spin.ChainSimulator.Tests.Infrastructure;

namespace Spin.ChainSimulator.Tests.Rpc;

public sealed class GetTransactionTests(PrefilledChainFixture fixture) : IClassFixture<PrefilledChainFixture>
{
    private SimulatorHost Host => fixture.Host;

    [Fact]
    public async Task ReturnsTheLogsSlotAndErrorOfTheLedgerInJsonEncoding()
    {
        foreach (var tx in Host.Ledger.Snapshot().Where((_, i) => i % 97 == 0))
        {
            var result = await Host.ResultAsync("getTransaction", $$"""["{{tx.Signature}}",{"encoding":"json","maxSupportedTransactionVersion":0}]""");

            Assert.Equal(tx.Slot, result.GetProperty("slot").GetUInt64());
            Assert.Equal(tx.BlockTime, result.GetProperty("blockTime").GetInt64());
            Assert.Equal(tx.Logs, result.GetProperty("meta").GetProperty("logMessages").EnumerateArray().Select(l => l.GetString()));
            Assert.Equal(tx.Error ?? "null", result.GetProperty("meta").GetProperty("err").GetRawText());
            Assert.Equal(tx.Signature, result.GetProperty("transaction").GetProperty("signatures")[0].GetString());
            Assert.Equal(tx.Versioned ? "0" : "\"legacy\"", result.GetProperty("version").GetRawText());
            Assert.Equal(["blockTime", "meta", "slot", "transaction", "version"], result.EnumerateObject().Select(p => p.Name));
        }
    }

    [Fact]
    public async Task RefusesAVersionZeroTransactionToAClientThatSupportsOnlyLegacy()
    {
        var chain = Host.Ledger.Snapshot();
        var versioned = chain.First(t => t.Versioned);
        var legacy = chain.First(t => !t.Versioned);

        var refused = (await Host.CallAsync("getTransaction", $"""["{versioned.Signature}"]""")).GetProperty("error");
        var served = await Host.ResultAsync("getTransaction", $"""["{legacy.Signature}","json"]""");

        Assert.Equal(-32015, refused.GetProperty("code").GetInt32());
        Assert.Equal(
            "Transaction version (0) is not supported by the requesting client. Please try the request again with the following configuration parameter: \"maxSupportedTransactionVersion\": 0",
            refused.GetProperty("message").GetString());
        Assert.False(served.TryGetProperty("version", out _), "no version without maxSupportedTransactionVersion");
        Assert.False(served.GetProperty("transaction").GetProperty("message").TryGetProperty("addressTableLookups", out _));
    }

    [Fact]
    public async Task AnswersNullForAnUnknownSignature()
    {
        var unknown = SimpleBase.Base58.Bitcoin.Encode(Enumerable.Repeat((byte)7, 64).ToArray());

        var result = await Host.ResultAsync("getTransaction", $$"""["{{unknown}}",{"maxSupportedTransactionVersion":0}]""");

        Assert.Equal(JsonValueKind.Null, result.ValueKind);
    }

    [Fact]
    public async Task RendersCpisAsInnerInstructionsAndParsesTransfersInJsonParsed()
    {
        var tx = Host.Ledger.Snapshot().First(t => t.Logs.Contains($"Program {Chains.ProgramId} invoke [2]") && !t.Failed);

        var json = await Host.ResultAsync("getTransaction", $$"""["{{tx.Signature}}",{"maxSupportedTransactionVersion":0}]""");
        var parsed = await Host.ResultAsync("getTransaction", $$"""["{{tx.Signature}}",{"encoding":"jsonParsed","maxSupportedTransactionVersion":0}]""");

        var inner = json.GetProperty("meta").GetProperty("innerInstructions")[0];
        Assert.Equal(1, inner.GetProperty("index").GetInt32());
        Assert.Equal([2, 3, 3], inner.GetProperty("instructions").EnumerateArray().Select(i => i.GetProperty("stackHeight").GetInt32()).Take(3));
        var parsedInner = parsed.GetProperty("meta").GetProperty("innerInstructions")[0].GetProperty("instructions");
        Assert.Equal(Chains.ProgramId, parsedInner[0].GetProperty("programId").GetString());
        Assert.Equal("system", parsedInner[1].GetProperty("program").GetString());
        Assert.Equal("transfer", parsedInner[1].GetProperty("parsed").GetProperty("type").GetString());
        Assert.True(parsed.GetProperty("transaction").GetProperty("message").GetProperty("accountKeys")[0].GetProperty("signer").GetBoolean());
        Assert.False(parsed.GetProperty("meta").TryGetProperty("loadedAddresses", out _));
    }

    [Fact]
    public async Task SerializesTheWireFormatForBase64()
    {
        var tx = Host.Ledger.Snapshot()[10];

        var result = await Host.ResultAsync("getTransaction", $$"""["{{tx.Signature}}",{"encoding":"base64","maxSupportedTransactionVersion":0}]""");

        var wire = Convert.FromBase64String(result.GetProperty("transaction")[0].GetString()!);
        Assert.Equal("base64", result.GetProperty("transaction")[1].GetString());
        Assert.Equal(1, wire[0]);
        Assert.Equal(SimpleBase.Base58.Bitcoin.Decode(tx.Signature), wire[1..65]);
        Assert.Equal(tx.Versioned, wire[65] == 0x80);
    }
}
