using System.Text.Json;
using Spin.ChainSimulator.Ledger;
using Spin.ChainSimulator.Rpc;

namespace Spin.ChainSimulator.PubSub;

/// <summary>PubSub notifications in the validator's shapes (serialized in struct order, not sorted).</summary>
public static class PubSubJson
{
    /// <summary><c>{"jsonrpc":"2.0","method":"logsNotification","params":{"result":{"context":{"slot"},"value":{"signature","err","logs"}},"subscription"}}</c></summary>
    public static byte[] LogsNotification(long subscription, SimTransaction transaction) => Notification("logsNotification", subscription, w =>
    {
        w.WriteStartObject();
        w.WriteStartObject("context");
        w.WriteNumber("slot", transaction.Slot);
        w.WriteEndObject();
        w.WriteStartObject("value");
        w.WriteString("signature", transaction.Signature);
        w.WritePropertyName("err");
        RpcJson.WriteTransactionError(w, transaction.Error);
        w.WriteStartArray("logs");
        foreach (var line in transaction.Logs)
        {
            w.WriteStringValue(line);
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();
    });

    /// <summary><c>{"jsonrpc":"2.0","method":"slotNotification","params":{"result":{"slot","parent","root"},"subscription"}}</c></summary>
    public static byte[] SlotNotification(long subscription, ulong slot) => Notification("slotNotification", subscription, w =>
    {
        w.WriteStartObject();
        w.WriteNumber("slot", slot);
        w.WriteNumber("parent", slot - 1);
        w.WriteNumber("root", slot > 32 ? slot - 32 : 0);
        w.WriteEndObject();
    });

    private static byte[] Notification(string method, long subscription, Action<Utf8JsonWriter> writeResult) => RpcJson.Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("jsonrpc", "2.0");
        w.WriteString("method", method);
        w.WriteStartObject("params");
        w.WritePropertyName("result");
        writeResult(w);
        w.WriteNumber("subscription", subscription);
        w.WriteEndObject();
        w.WriteEndObject();
    });
}
