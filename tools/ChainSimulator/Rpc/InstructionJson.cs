using System.Globalization;
using System.Text.Json;
using Spin.Chain.Binary;
using Spin.ChainSimulator.Ledger;
using Spin.ChainSimulator.Scenario;

namespace Spin.ChainSimulator.Rpc;

/// <summary>One instruction as the RPC renders it: compiled (json), or for jsonParsed parsed where the validator
/// has a parser (System and Token transfers) and partially decoded otherwise.</summary>
public static class InstructionJson
{
    /// <summary>Writes one instruction object.</summary>
    public static void Write(Utf8JsonWriter w, SimInstruction instruction, IReadOnlyList<string> accountKeys, bool parsed)
    {
        w.WriteStartObject();
        if (!parsed)
        {
            w.WriteStartArray("accounts");
            foreach (var account in instruction.Accounts)
            {
                w.WriteNumberValue(account);
            }

            w.WriteEndArray();
            w.WriteString("data", PublicKey.ToBase58(instruction.Data));
            w.WriteNumber("programIdIndex", instruction.ProgramIndex);
        }
        else if (!TryWriteParsed(w, instruction, accountKeys))
        {
            w.WriteStartArray("accounts");
            foreach (var account in instruction.Accounts)
            {
                w.WriteStringValue(accountKeys[account]);
            }

            w.WriteEndArray();
            w.WriteString("data", PublicKey.ToBase58(instruction.Data));
            w.WriteString("programId", accountKeys[instruction.ProgramIndex]);
        }

        if (instruction.StackHeight is { } height)
        {
            w.WriteNumber("stackHeight", height);
        }
        else
        {
            w.WriteNull("stackHeight");
        }

        w.WriteEndObject();
    }

    private static bool TryWriteParsed(Utf8JsonWriter w, SimInstruction instruction, IReadOnlyList<string> keys)
    {
        var program = keys[instruction.ProgramIndex];
        string Account(int i) => keys[instruction.Accounts[i]];
        if (program == ProgramIds.System && InstructionData.ReadSystemTransfer(instruction.Data) is { } lamports)
        {
            w.WriteStartObject("parsed");
            w.WriteStartObject("info");
            w.WriteString("destination", Account(1));
            w.WriteNumber("lamports", lamports);
            w.WriteString("source", Account(0));
            w.WriteEndObject();
            w.WriteString("type", "transfer");
            w.WriteEndObject();
            w.WriteString("program", "system");
        }
        else if (program == ProgramIds.Token && InstructionData.ReadTokenTransfer(instruction.Data) is { } amount)
        {
            w.WriteStartObject("parsed");
            w.WriteStartObject("info");
            w.WriteString("amount", amount.ToString(CultureInfo.InvariantCulture));
            w.WriteString("authority", Account(2));
            w.WriteString("destination", Account(1));
            w.WriteString("source", Account(0));
            w.WriteEndObject();
            w.WriteString("type", "transfer");
            w.WriteEndObject();
            w.WriteString("program", "spl-token");
        }
        else
        {
            return false;
        }

        w.WriteString("programId", program);
        return true;
    }
}
