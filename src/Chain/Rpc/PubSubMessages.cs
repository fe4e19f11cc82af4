using System.Text.Json;

namespace Spin.Chain.Rpc;

/// <summary>Reads and writes the PubSub messages of the logs subscription, in the validator's shapes.</summary>
public static class PubSubMessages
{
    /// <summary>Reads a logsNotification of the given subscription; false for any other message.</summary>
    public static bool TryReadLogsNotification(JsonElement root, long subscription, out LogsNotification notification)
    {
        notification = null!;
        if (!root.TryGetProperty("method", out var method) || method.GetString() != "logsNotification"
            || !root.TryGetProperty("params", out var parameters)
            || !parameters.TryGetProperty("subscription", out var sub) || sub.GetInt64() != subscription)
        {
            return false;
        }

        var result = parameters.GetProperty("result");
        var value = result.GetProperty("value");
        var slot = result.TryGetProperty("context", out var context) ? context.GetProperty("slot").GetUInt64() : 0;
        var failed = value.TryGetProperty("err", out var err) && err.ValueKind != JsonValueKind.Null;
        var logs = value.TryGetProperty("logs", out var lines) && lines.ValueKind == JsonValueKind.Array
            ? lines.EnumerateArray().Select(l => l.GetString() ?? string.Empty).ToList()
            : [];
        notification = new LogsNotification(value.GetProperty("signature").GetString()!, slot, failed, logs);
        return true;
    }

    /// <summary>Writes a logsUnsubscribe request.</summary>
    public static void WriteUnsubscribe(Utf8JsonWriter w, long id, long subscription)
    {
        w.WriteStartObject();
        w.WriteString("jsonrpc", "2.0");
        w.WriteNumber("id", id);
        w.WriteString("method", "logsUnsubscribe");
        w.WriteStartArray("params");
        w.WriteNumberValue(subscription);
        w.WriteEndArray();
        w.WriteEndObject();
    }
}
