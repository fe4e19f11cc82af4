using System.Buffers;
using System.Text.Json;
using Spin.ChainSimulator.Ledger;

namespace Spin.ChainSimulator.PubSub;

/// <summary>PubSub messages in the validator's exact shapes.</summary>
public static class PubSubJson
{
    /// <summary><c>{"jsonrpc":"2.0","method":"logsNotification","params":{"result":{"context":{"slot"},"value":{"signature","err","logs"}},"subscription"}}</c></summary>
    public static byte[] LogsNotification(long subscription, SimTransaction transaction) => Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("jsonrpc", "2.0");
        w.WriteString("method", "logsNotification");
        w.WriteStartObject("params");
        w.WriteStartObject("result");
        w.WriteStartObject("context");
        w.WriteNumber("slot", transaction.Slot);
        w.WriteEndObject();
        w.WriteStartObject("value");
        w.WriteString("signature", transaction.Signature);
        w.WritePropertyName("err");
        WriteError(w, transaction.Error);
        w.WriteStartArray("logs");
        foreach (var line in transaction.Logs)
        {
            w.WriteStringValue(line);
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteNumber("subscription", subscription);
        w.WriteEndObject();
        w.WriteEndObject();
    });

    /// <summary>A JSON-RPC result.</summary>
    public static byte[] Result(JsonElement id, Action<Utf8JsonWriter> writeResult) => Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("jsonrpc", "2.0");
        w.WritePropertyName("result");
        writeResult(w);
        WriteId(w, id);
        w.WriteEndObject();
    });

    /// <summary>A JSON-RPC error.</summary>
    public static byte[] Error(JsonElement id, int code, string message) => Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("jsonrpc", "2.0");
        w.WriteStartObject("error");
        w.WriteNumber("code", code);
        w.WriteString("message", message);
        w.WriteEndObject();
        WriteId(w, id);
        w.WriteEndObject();
    });

    /// <summary>Writes a transaction error (raw JSON) or null.</summary>
    public static void WriteError(Utf8JsonWriter w, string? error)
    {
        if (error is null)
        {
            w.WriteNullValue();
        }
        else
        {
            w.WriteRawValue(error);
        }
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

    /// <summary>Runs a writer into a byte array.</summary>
    public static byte[] Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }
}
