using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Spin.ChainSimulator.Rpc;

/// <summary>JSON-RPC 2.0 envelopes, written as the validator writes them (UTF-8 text left unescaped).</summary>
public static class RpcJson
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>A result: <c>{"jsonrpc":"2.0","result":…,"id":…}</c>.</summary>
    public static byte[] Result(JsonElement id, Action<Utf8JsonWriter> writeResult) => Write(w => WriteResult(w, id, writeResult));

    /// <summary>An error: <c>{"jsonrpc":"2.0","error":{"code","message"[,"data"]},"id":…}</c>.</summary>
    public static byte[] Error(JsonElement id, int code, string message) => Write(w => WriteError(w, id, code, message, null));

    /// <summary>Writes a result envelope.</summary>
    public static void WriteResult(Utf8JsonWriter w, JsonElement id, Action<Utf8JsonWriter> writeResult)
    {
        w.WriteStartObject();
        w.WriteString("jsonrpc", "2.0");
        w.WritePropertyName("result");
        writeResult(w);
        WriteId(w, id);
        w.WriteEndObject();
    }

    /// <summary>Writes an error envelope.</summary>
    public static void WriteError(Utf8JsonWriter w, JsonElement id, int code, string message, string? data)
    {
        w.WriteStartObject();
        w.WriteString("jsonrpc", "2.0");
        w.WriteStartObject("error");
        w.WriteNumber("code", code);
        w.WriteString("message", message);
        if (data is not null)
        {
            w.WritePropertyName("data");
            w.WriteRawValue(data);
        }

        w.WriteEndObject();
        WriteId(w, id);
        w.WriteEndObject();
    }

    /// <summary>Writes the request id back (number or string), or null.</summary>
    public static void WriteId(Utf8JsonWriter w, JsonElement id)
    {
        w.WritePropertyName("id");
        if (id.ValueKind is JsonValueKind.Number or JsonValueKind.String)
        {
            id.WriteTo(w);
        }
        else
        {
            w.WriteNullValue();
        }
    }

    /// <summary>Writes a transaction error (raw JSON) or null.</summary>
    public static void WriteTransactionError(Utf8JsonWriter w, string? error)
    {
        if (error is null)
        {
            w.WriteNullValue();
        }
        else
        {
            w.WriteRawValue(error, skipInputValidation: true);
        }
    }

    /// <summary>Runs a writer into a byte array.</summary>
    public static byte[] Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            write(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }
}
