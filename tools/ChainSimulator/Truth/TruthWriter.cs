using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json;
using Spin.ChainSimulator.Ledger;
using Spin.ChainSimulator.PubSub;
using Spin.Grains.Interfaces.Events;

namespace Spin.ChainSimulator.Truth;

/// <summary>The ground truth: every event of every successful transaction, per mint in chain order, shaped like
/// spin-server's <c>/api/events</c> items. Fields are written by reflection over the event records under their IDL
/// names, a path independent of the product's hand-written JSON.</summary>
public static class TruthWriter
{
    /// <summary>The truth document for the ledger's transactions.</summary>
    public static byte[] Write(string programId, IReadOnlyList<SimTransaction> transactions)
    {
        var byMint = new Dictionary<string, List<(SimTransaction Tx, int Index, SpinEvent Event)>>(StringComparer.Ordinal);
        foreach (var transaction in transactions.Where(t => !t.Failed))
        {
            for (var i = 0; i < transaction.Events.Count; i++)
            {
                var mint = transaction.Events[i].Mint;
                if (!byMint.TryGetValue(mint, out var list))
                {
                    byMint[mint] = list = [];
                }

                list.Add((transaction, i, transaction.Events[i]));
            }
        }

        return PubSubJson.Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("program_id", programId);
            w.WriteNumber("transactions", transactions.Count);
            w.WriteStartObject("mints");
            foreach (var (mint, events) in byMint)
            {
                w.WriteStartArray(mint);
                foreach (var (tx, index, spinEvent) in events)
                {
                    WriteEvent(w, tx, index, spinEvent);
                }

                w.WriteEndArray();
            }

            w.WriteEndObject();
            w.WriteEndObject();
        });
    }

    private static void WriteEvent(Utf8JsonWriter w, SimTransaction tx, int index, SpinEvent spinEvent)
    {
        w.WriteStartObject();
        w.WriteString("event_type", spinEvent.Type.ToString());
        foreach (var property in spinEvent.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
        {
            if (property.Name == nameof(SpinEvent.Type))
            {
                continue;
            }

            WriteValue(w, IdlName(property.Name), property.GetValue(spinEvent));
        }

        w.WriteString("timestamp", DateTimeOffset.FromUnixTimeSeconds(tx.BlockTime).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
        w.WriteString("signature", tx.Signature);
        w.WriteNumber("slot", tx.Slot);
        w.WriteNumber("event_index", index);
        w.WriteEndObject();
    }

    private static void WriteValue(Utf8JsonWriter w, string name, object? value)
    {
        switch (value)
        {
            case string s: w.WriteString(name, s); break;
            case bool b: w.WriteBoolean(name, b); break;
            case UInt128 u: w.WriteString(name, u.ToString(CultureInfo.InvariantCulture)); break;
            case ulong u: w.WriteNumber(name, u); break;
            case uint u: w.WriteNumber(name, u); break;
            case ushort u: w.WriteNumber(name, u); break;
            case byte u: w.WriteNumber(name, u); break;
            default: throw new InvalidOperationException($"No truth encoding for {name}: {value?.GetType()}");
        }
    }

    // PascalCase record members to the IDL's snake_case; the order's own mint field is called "mint" in the IDL.
    private static string IdlName(string member)
    {
        if (member == "OrderMint")
        {
            return "mint";
        }

        var name = new StringBuilder();
        foreach (var c in member)
        {
            if (char.IsUpper(c) && name.Length > 0)
            {
                name.Append('_');
            }

            name.Append(char.ToLowerInvariant(c));
        }

        return name.ToString();
    }
}
