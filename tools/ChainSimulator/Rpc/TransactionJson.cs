using System.Text.Json;
using Spin.ChainSimulator.Ledger;

namespace Spin.ChainSimulator.Rpc;

/// <summary>getTransaction's result in the validator's shape for the json, jsonParsed, base64 and base58 encodings.</summary>
public static class TransactionJson
{
    /// <summary>The encoding asked for and the highest transaction version the client supports (null: legacy only).</summary>
    public sealed record Options(string Encoding, ulong? MaxVersion)
    {
        /// <summary>True for jsonParsed.</summary>
        public bool Parsed => Encoding == "jsonParsed";
    }

    /// <summary>Writes the result object, or null for an unknown transaction.</summary>
    public static void Write(Utf8JsonWriter w, SimTransaction? tx, Options options)
    {
        if (tx is null)
        {
            w.WriteNullValue();
            return;
        }

        w.WriteStartObject();
        w.WriteNumber("blockTime", tx.BlockTime);
        w.WritePropertyName("meta");
        MetaJson.Write(w, tx, options.Parsed);
        w.WriteNumber("slot", tx.Slot);
        w.WritePropertyName("transaction");
        if (options.Encoding is "base64" or "base58")
        {
            w.WriteStartArray();
            w.WriteStringValue(WireFormat.Encode(tx, options.Encoding));
            w.WriteStringValue(options.Encoding);
            w.WriteEndArray();
        }
        else
        {
            WriteTransaction(w, tx, options.Parsed);
        }

        if (options.MaxVersion is not null)
        {
            if (tx.Versioned)
            {
                w.WriteNumber("version", 0);
            }
            else
            {
                w.WriteString("version", "legacy");
            }
        }

        w.WriteEndObject();
    }

    private static void WriteTransaction(Utf8JsonWriter w, SimTransaction tx, bool parsed)
    {
        var message = tx.Message;
        w.WriteStartObject();
        w.WriteStartObject("message");
        w.WriteStartArray("accountKeys");
        for (var i = 0; i < message.AccountKeys.Count; i++)
        {
            if (parsed)
            {
                w.WriteStartObject();
                w.WriteString("pubkey", message.AccountKeys[i]);
                w.WriteBoolean("signer", i == 0);
                w.WriteString("source", "transaction");
                w.WriteBoolean("writable", i < message.AccountKeys.Count - message.ReadonlyUnsigned);
                w.WriteEndObject();
            }
            else
            {
                w.WriteStringValue(message.AccountKeys[i]);
            }
        }

        w.WriteEndArray();
        if (tx.Versioned)
        {
            w.WriteStartArray("addressTableLookups");
            w.WriteEndArray();
        }

        if (!parsed)
        {
            w.WriteStartObject("header");
            w.WriteNumber("numReadonlySignedAccounts", 0);
            w.WriteNumber("numReadonlyUnsignedAccounts", message.ReadonlyUnsigned);
            w.WriteNumber("numRequiredSignatures", 1);
            w.WriteEndObject();
        }

        w.WriteStartArray("instructions");
        foreach (var instruction in message.Instructions)
        {
            InstructionJson.Write(w, instruction, message.AccountKeys, parsed);
        }

        w.WriteEndArray();
        w.WriteString("recentBlockhash", message.RecentBlockhash);
        w.WriteEndObject();
        w.WriteStartArray("signatures");
        w.WriteStringValue(tx.Signature);
        w.WriteEndArray();
        w.WriteEndObject();
    }
}
