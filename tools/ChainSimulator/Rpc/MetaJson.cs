using System.Text.Json;
using Spin.ChainSimulator.Ledger;

namespace Spin.ChainSimulator.Rpc;

/// <summary>The transaction status meta in the validator's shape (keys sorted; jsonParsed omits loadedAddresses).</summary>
public static class MetaJson
{
    /// <summary>Writes the meta object.</summary>
    public static void Write(Utf8JsonWriter w, SimTransaction tx, bool parsed)
    {
        var execution = tx.Execution;
        w.WriteStartObject();
        w.WriteNumber("computeUnitsConsumed", execution.ComputeUnits);
        w.WritePropertyName("err");
        RpcJson.WriteTransactionError(w, tx.Error);
        w.WriteNumber("fee", SimExecution.Fee);
        WriteInnerInstructions(w, tx, parsed);
        if (!parsed)
        {
            w.WriteStartObject("loadedAddresses");
            w.WriteStartArray("readonly");
            w.WriteEndArray();
            w.WriteStartArray("writable");
            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteStartArray("logMessages");
        foreach (var line in execution.Logs)
        {
            w.WriteStringValue(line);
        }

        w.WriteEndArray();
        WriteNumbers(w, "postBalances", execution.PostBalances);
        w.WriteStartArray("postTokenBalances");
        w.WriteEndArray();
        WriteNumbers(w, "preBalances", execution.PreBalances);
        w.WriteStartArray("preTokenBalances");
        w.WriteEndArray();
        if (execution.ReturnData is { } returned)
        {
            w.WriteStartObject("returnData");
            w.WriteStartArray("data");
            w.WriteStringValue(Convert.ToBase64String(returned.Data));
            w.WriteStringValue("base64");
            w.WriteEndArray();
            w.WriteString("programId", returned.ProgramId);
            w.WriteEndObject();
        }

        w.WriteStartArray("rewards");
        w.WriteEndArray();
        w.WriteStartObject("status");
        w.WritePropertyName(tx.Failed ? "Err" : "Ok");
        RpcJson.WriteTransactionError(w, tx.Error);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteInnerInstructions(Utf8JsonWriter w, SimTransaction tx, bool parsed)
    {
        w.WriteStartArray("innerInstructions");
        foreach (var group in tx.Execution.InnerInstructions.GroupBy(i => i.Outer))
        {
            w.WriteStartObject();
            w.WriteNumber("index", group.Key);
            w.WriteStartArray("instructions");
            foreach (var instruction in group)
            {
                InstructionJson.Write(w, instruction, tx.Message.AccountKeys, parsed);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void WriteNumbers(Utf8JsonWriter w, string name, IReadOnlyList<ulong> values)
    {
        w.WriteStartArray(name);
        foreach (var value in values)
        {
            w.WriteNumberValue(value);
        }

        w.WriteEndArray();
    }
}
