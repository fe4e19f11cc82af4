using System.Text.Json;
using SimpleBase;

namespace Spin.ChainSimulator.Rpc;

/// <summary>Reads positional params and config objects, failing with the validator's error messages.</summary>
public static class RpcParams
{
    /// <summary>Param <paramref name="index"/>, or undefined when absent or null.</summary>
    public static JsonElement At(JsonElement parameters, int index) =>
        parameters.ValueKind == JsonValueKind.Array && parameters.GetArrayLength() > index && parameters[index].ValueKind != JsonValueKind.Null
            ? parameters[index]
            : default;

    /// <summary>A required string param.</summary>
    public static string RequiredString(JsonElement parameters, int index)
    {
        var value = At(parameters, index);
        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString()!,
            JsonValueKind.Undefined => throw RpcError.InvalidParams($"invalid length {index}, expected at least {index + 1} params"),
            _ => throw RpcError.InvalidParams($"invalid type: {Describe(value)}, expected a string"),
        };
    }

    /// <summary>A required unsigned integer param.</summary>
    public static ulong RequiredU64(JsonElement parameters, int index)
    {
        var value = At(parameters, index);
        if (value.ValueKind == JsonValueKind.Number && value.TryGetUInt64(out var number))
        {
            return number;
        }

        throw value.ValueKind == JsonValueKind.Undefined
            ? RpcError.InvalidParams($"invalid length {index}, expected at least {index + 1} params")
            : RpcError.InvalidParams($"invalid type: {Describe(value)}, expected u64");
    }

    /// <summary>A member of a config object, or null when absent or null.</summary>
    public static JsonElement? Member(JsonElement config, string name) =>
        config.ValueKind == JsonValueKind.Object && config.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value
            : null;

    /// <summary>A string member of a config object, or null.</summary>
    public static string? StringMember(JsonElement config, string name) => Member(config, name) is { } value
        ? value.ValueKind == JsonValueKind.String ? value.GetString() : throw RpcError.InvalidParams($"invalid type: {Describe(value)}, expected a string")
        : null;

    /// <summary>An unsigned integer member of a config object, or null.</summary>
    public static ulong? U64Member(JsonElement config, string name) => Member(config, name) is { } value
        ? value.ValueKind == JsonValueKind.Number && value.TryGetUInt64(out var number) ? number : throw RpcError.InvalidParams($"invalid type: {Describe(value)}, expected u64")
        : null;

    /// <summary>Checks a base58 public key as <c>verify_pubkey</c> does.</summary>
    public static string PublicKey(string text) => VerifyBase58(text, 32, 44);

    /// <summary>Checks a base58 signature as <c>verify_signature</c> does.</summary>
    public static string Signature(string text) => VerifyBase58(text, 64, 88);

    /// <summary>Rejects commitments below <c>confirmed</c>, as getTransaction and getSignaturesForAddress do.</summary>
    public static void AtLeastConfirmed(JsonElement config)
    {
        if (StringMember(config, "commitment") is "processed" or "recent" or "single" or "singleGossip")
        {
            throw RpcError.InvalidParam("Method does not support commitment below `confirmed`");
        }
    }

    private static string VerifyBase58(string text, int length, int maxChars)
    {
        if (text.Length > maxChars)
        {
            throw RpcError.InvalidParam("Invalid param: WrongSize");
        }

        Span<byte> buffer = stackalloc byte[96];
        if (!Base58.Bitcoin.TryDecode(text, buffer, out var written))
        {
            throw RpcError.InvalidParam("Invalid param: Invalid");
        }

        return written == length ? text : throw RpcError.InvalidParam("Invalid param: WrongSize");
    }

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => $"string \"{value.GetString()}\"",
        JsonValueKind.Number => $"integer `{value.GetRawText()}`",
        JsonValueKind.True or JsonValueKind.False => $"boolean `{value.GetRawText()}`",
        JsonValueKind.Array => "sequence",
        JsonValueKind.Object => "map",
        _ => "null",
    };
}
