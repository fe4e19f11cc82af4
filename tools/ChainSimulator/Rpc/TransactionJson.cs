using System.Text.Json;
using Spin.Chain.Binary;
using Spin.ChainSimulator.Ledger;
using Spin.ChainSimulator.PubSub;

namespace Spin.ChainSimulator.Rpc;

/// <summary>getTransaction's result in "json" encoding, in the validator's shape.</summary>
public static class TransactionJson
{
    /// <summary>Writes the result object.</summary>
    public static void Write(Utf8JsonWriter w, SimTransaction tx)
    {
        w.WriteStartObject();
        w.WriteNumber("slot", tx.Slot);
        w.WriteNumber("blockTime", tx.BlockTime);
        if (tx.Versioned)
        {
            w.WriteNumber("version", 0);
        }
        else
        {
            w.WriteString("version", "legacy");
        }

        WriteMeta(w, tx);
        WriteTransaction(w, tx);
        w.WriteEndObject();
    }

    private static void WriteMeta(Utf8JsonWriter w, SimTransaction tx)
    {
        w.WriteStartObject("meta");
        w.WritePropertyName("err");
        PubSubJson.WriteError(w, tx.Error);
        w.WriteStartObject("status");
        w.WritePropertyName(tx.Failed ? "Err" : "Ok");
        PubSubJson.WriteError(w, tx.Error);
        w.WriteEndObject();
        w.WriteNumber("fee", 5000);
        WriteNumbers(w, "preBalances", tx.AccountKeys.Select((_, i) => i == 0 ? 10_000_000_000UL : 1_000_000UL));
        WriteNumbers(w, "postBalances", tx.AccountKeys.Select((_, i) => i == 0 ? 9_999_995_000UL : 1_000_000UL));
        w.WriteStartArray("innerInstructions");
        w.WriteEndArray();
        w.WriteStartArray("logMessages");
        foreach (var line in tx.Logs)
        {
            w.WriteStringValue(line);
        }

        w.WriteEndArray();
        w.WriteStartArray("preTokenBalances");
        w.WriteEndArray();
        w.WriteStartArray("postTokenBalances");
        w.WriteEndArray();
        w.WriteStartArray("rewards");
        w.WriteEndArray();
        w.WriteStartObject("loadedAddresses");
        w.WriteStartArray("writable");
        w.WriteEndArray();
        w.WriteStartArray("readonly");
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteNumber("computeUnitsConsumed", 50_000);
        w.WriteEndObject();
    }

    private static void WriteTransaction(Utf8JsonWriter w, SimTransaction tx)
    {
        w.WriteStartObject("transaction");
        w.WriteStartArray("signatures");
        w.WriteStringValue(tx.Signature);
        w.WriteEndArray();
        w.WriteStartObject("message");
        w.WriteStartArray("accountKeys");
        foreach (var key in tx.AccountKeys)
        {
            w.WriteStringValue(key);
        }

        w.WriteEndArray();
        w.WriteStartObject("header");
        w.WriteNumber("numRequiredSignatures", 1);
        w.WriteNumber("numReadonlySignedAccounts", 0);
        w.WriteNumber("numReadonlyUnsignedAccounts", tx.AccountKeys.Count - 3);
        w.WriteEndObject();
        w.WriteString("recentBlockhash", tx.RecentBlockhash);
        w.WriteStartArray("instructions");
        w.WriteStartObject();
        w.WriteNumber("programIdIndex", tx.ProgramIndex);
        WriteNumbers(w, "accounts", Enumerable.Range(0, tx.AccountKeys.Count).Where(i => i != tx.ProgramIndex).Select(i => (ulong)i));
        w.WriteString("data", PublicKey.ToBase58(BitConverter.GetBytes(tx.Slot)));
        w.WriteNull("stackHeight");
        w.WriteEndObject();
        w.WriteEndArray();
        if (tx.Versioned)
        {
            w.WriteStartArray("addressTableLookups");
            w.WriteEndArray();
        }

        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteNumbers(Utf8JsonWriter w, string name, IEnumerable<ulong> values)
    {
        w.WriteStartArray(name);
        foreach (var value in values)
        {
            w.WriteNumberValue(value);
        }

        w.WriteEndArray();
    }
}
