using System.Text.Json;
using Spin.ChainSimulator.Ledger;

namespace Spin.ChainSimulator.Rpc;

/// <summary>The JSON-RPC methods the simulated validator serves. Results are written with their keys in
/// alphabetical order, as the validator's responses (serialized through a sorted JSON map) have them.</summary>
public sealed class RpcMethods(ChainLedger ledger)
{
    /// <summary>The maximum (and default) page size of getSignaturesForAddress.</summary>
    public const int MaxSignatures = 1000;

    /// <summary>Writes the result of <paramref name="method"/>, or throws <see cref="RpcError"/>.</summary>
    public void Invoke(Utf8JsonWriter w, string method, JsonElement parameters)
    {
        switch (method)
        {
            case "getHealth": w.WriteStringValue("ok"); break;
            case "getSlot": w.WriteNumberValue(MinContextSlot(RpcParams.At(parameters, 0))); break;
            case "getBlockHeight": w.WriteNumberValue(MinContextSlot(RpcParams.At(parameters, 0)) - ChainLedger.GenesisSlot); break;
            case "getFirstAvailableBlock": w.WriteNumberValue(ChainLedger.GenesisSlot); break;
            case "getVersion": Version(w); break;
            case "getBlockTime": BlockTime(w, RpcParams.RequiredU64(parameters, 0)); break;
            case "getSignaturesForAddress": Signatures(w, parameters); break;
            case "getTransaction": TransactionJson.Write(w, FindTransaction(parameters, out var options), options); break;
            default: throw new RpcError(-32601, "Method not found");
        }
    }

    private static void Version(Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WriteNumber("feature-set", 3294202862);
        w.WriteString("solana-core", "2.2.0");
        w.WriteEndObject();
    }

    private void BlockTime(Utf8JsonWriter w, ulong slot)
    {
        if (slot > ledger.Slot)
        {
            throw new RpcError(-32004, $"Block not available for slot {slot}");
        }

        if (slot < ChainLedger.GenesisSlot)
        {
            throw new RpcError(-32001, $"Block {slot} cleaned up, does not exist on node. First available block: {ChainLedger.GenesisSlot}");
        }

        w.WriteNumberValue(ChainLedger.BlockTimeOf(slot));
    }

    private void Signatures(Utf8JsonWriter w, JsonElement parameters)
    {
        var address = RpcParams.PublicKey(RpcParams.RequiredString(parameters, 0));
        var config = RpcParams.At(parameters, 1);
        var limit = RpcParams.U64Member(config, "limit") ?? MaxSignatures;
        if (limit is 0 or > MaxSignatures)
        {
            throw RpcError.InvalidParam($"Invalid limit; max {MaxSignatures}");
        }

        var before = RpcParams.StringMember(config, "before") is { } b ? RpcParams.Signature(b) : null;
        var until = RpcParams.StringMember(config, "until") is { } u ? RpcParams.Signature(u) : null;
        RpcParams.AtLeastConfirmed(config);
        MinContextSlot(config);
        var page = ledger.Newest(address, before, until, (int)limit);
        w.WriteStartArray();
        foreach (var tx in page)
        {
            w.WriteStartObject();
            w.WriteNumber("blockTime", tx.BlockTime);
            w.WriteString("confirmationStatus", "confirmed");
            w.WritePropertyName("err");
            RpcJson.WriteTransactionError(w, tx.Error);
            w.WriteNull("memo");
            w.WriteString("signature", tx.Signature);
            w.WriteNumber("slot", tx.Slot);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private SimTransaction? FindTransaction(JsonElement parameters, out TransactionJson.Options options)
    {
        var signature = RpcParams.Signature(RpcParams.RequiredString(parameters, 0));
        var config = RpcParams.At(parameters, 1);
        var encoding = config.ValueKind == JsonValueKind.String ? config.GetString() : RpcParams.StringMember(config, "encoding");
        options = new TransactionJson.Options(encoding ?? "json", RpcParams.U64Member(config, "maxSupportedTransactionVersion"));
        if (options.Encoding is not ("json" or "jsonParsed" or "base64" or "base58"))
        {
            throw RpcError.InvalidParams($"unknown variant `{options.Encoding}`, expected one of `binary`, `base64`, `base58`, `json`, `jsonParsed`");
        }

        RpcParams.AtLeastConfirmed(config);
        MinContextSlot(config);
        var tx = ledger.Find(signature);
        if (tx is { Versioned: true } && options.MaxVersion is null)
        {
            throw new RpcError(-32015, "Transaction version (0) is not supported by the requesting client. "
                + "Please try the request again with the following configuration parameter: \"maxSupportedTransactionVersion\": 0");
        }

        return tx;
    }

    private ulong MinContextSlot(JsonElement config)
    {
        var slot = ledger.Slot;
        if (RpcParams.U64Member(config, "minContextSlot") is { } minimum && minimum > slot)
        {
            throw new RpcError(-32016, "Minimum context slot has not been reached", $$"""{"contextSlot":{{slot}}}""");
        }

        return slot;
    }
}
