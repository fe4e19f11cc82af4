using System.Text.Json;
using Spin.Chain.Binary;
using Spin.ChainSimulator.Ledger;
using Spin.ChainSimulator.PubSub;

namespace Spin.ChainSimulator.Rpc;

/// <summary>The validator's JSON-RPC over HTTP: single and batch requests, the methods an indexer uses.</summary>
public sealed class JsonRpcEndpoint(ChainLedger ledger)
{
    /// <summary>Answers one HTTP request body.</summary>
    public async Task HandleAsync(HttpContext context)
    {
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(context.Request.Body);
        }
        catch (JsonException)
        {
            await Respond(context, PubSubJson.Error(default, -32700, "Parse error"));
            return;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Array)
            {
                await Respond(context, PubSubJson.Write(w => Answer(w, root)));
                return;
            }

            if (root.GetArrayLength() == 0)
            {
                await Respond(context, PubSubJson.Error(default, -32600, "Invalid request"));
                return;
            }

            await Respond(context, PubSubJson.Write(w =>
            {
                w.WriteStartArray();
                foreach (var request in root.EnumerateArray())
                {
                    Answer(w, request);
                }

                w.WriteEndArray();
            }));
        }
    }

    private void Answer(Utf8JsonWriter w, JsonElement request)
    {
        var id = request.ValueKind == JsonValueKind.Object && request.TryGetProperty("id", out var i) ? i : default;
        w.WriteStartObject();
        w.WriteString("jsonrpc", "2.0");
        try
        {
            var method = request.GetProperty("method").GetString();
            var parameters = request.TryGetProperty("params", out var p) ? p : default;
            var result = PubSubJson.Write(r => Invoke(r, method, parameters));
            w.WritePropertyName("result");
            w.WriteRawValue(result, skipInputValidation: true);
        }
        catch (Exception ex) when (ex is RpcError or KeyNotFoundException or InvalidOperationException or IndexOutOfRangeException or FormatException)
        {
            w.WriteStartObject("error");
            w.WriteNumber("code", ex is RpcError e ? e.Code : -32602);
            w.WriteString("message", ex is RpcError ? ex.Message : $"Invalid params: {ex.Message}");
            w.WriteEndObject();
        }

        PubSubJson.WriteId(w, id);
        w.WriteEndObject();
    }

    private void Invoke(Utf8JsonWriter w, string? method, JsonElement parameters)
    {
        switch (method)
        {
            case "getHealth": w.WriteStringValue("ok"); break;
            case "getSlot": w.WriteNumberValue(ledger.Slot); break;
            case "getVersion":
                w.WriteStartObject();
                w.WriteString("solana-core", "2.2.0");
                w.WriteNumber("feature-set", 3294202862);
                w.WriteEndObject();
                break;
            case "getBlockTime": BlockTime(w, parameters[0].GetUInt64()); break;
            case "getSignaturesForAddress": Signatures(w, parameters); break;
            case "getTransaction": Transaction(w, parameters); break;
            default: throw new RpcError(-32601, "Method not found");
        }
    }

    private void BlockTime(Utf8JsonWriter w, ulong slot)
    {
        if (slot > ledger.Slot || slot < ChainLedger.GenesisSlot)
        {
            throw new RpcError(-32004, $"Block not available for slot {slot}");
        }

        w.WriteNumberValue(ChainLedger.BlockTimeOf(slot));
    }

    private void Signatures(Utf8JsonWriter w, JsonElement parameters)
    {
        var address = parameters[0].GetString();
        if (!PublicKey.IsValid(address))
        {
            throw new RpcError(-32602, "Invalid param: Invalid");
        }

        var config = parameters.GetArrayLength() > 1 ? parameters[1] : default;
        var limit = Get(config, "limit")?.GetInt32() ?? 1000;
        if (limit is < 1 or > 1000)
        {
            throw new RpcError(-32602, "Invalid limit; max 1000");
        }

        var matches = address == ledger.ProgramId
            ? ledger.Newest(Get(config, "before")?.GetString(), Get(config, "until")?.GetString(), limit)
            : [];
        w.WriteStartArray();
        foreach (var tx in matches)
        {
            w.WriteStartObject();
            w.WriteString("signature", tx.Signature);
            w.WriteNumber("slot", tx.Slot);
            w.WritePropertyName("err");
            PubSubJson.WriteError(w, tx.Error);
            w.WriteNull("memo");
            w.WriteNumber("blockTime", tx.BlockTime);
            w.WriteString("confirmationStatus", "confirmed");
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private void Transaction(Utf8JsonWriter w, JsonElement parameters)
    {
        var config = parameters.GetArrayLength() > 1 ? parameters[1] : default;
        var encoding = config.ValueKind == JsonValueKind.String ? config.GetString() : Get(config, "encoding")?.GetString() ?? "json";
        if (encoding != "json")
        {
            throw new RpcError(-32602, $"Invalid params: unsupported encoding: {encoding}. Supported encodings: json");
        }

        var tx = ledger.Find(parameters[0].GetString()!);
        if (tx is null)
        {
            w.WriteNullValue();
            return;
        }

        if (tx.Versioned && Get(config, "maxSupportedTransactionVersion") is null)
        {
            throw new RpcError(-32015, "Transaction version (0) is not supported by the requesting client. Please try the request again with the following configuration parameter: \"maxSupportedTransactionVersion\": 0");
        }

        TransactionJson.Write(w, tx);
    }

    private static JsonElement? Get(JsonElement config, string name) =>
        config.ValueKind == JsonValueKind.Object && config.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    private static async Task Respond(HttpContext context, byte[] body)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.Body.WriteAsync(body);
    }
}
