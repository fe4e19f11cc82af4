using System.Globalization;
using System.Text.Json;
using Spin.ChainSimulator.Ledger;
using Spin.ChainSimulator.Rpc;
using Spin.Grains.Interfaces.Events;

namespace Spin.ChainSimulator.Truth;

/// <summary>The ground truth: every SpinPet event of every successful transaction, per mint in chain order (slot,
/// position in the block, event index), shaped like spin-server's <c>/api/events</c> items plus <c>event_index</c>.</summary>
public static class TruthWriter
{
    /// <summary>The truth document for the ledger's transactions (in chain order).</summary>
    public static byte[] Write(string programId, IReadOnlyList<SimTransaction> transactions)
    {
        var byMint = new Dictionary<string, List<(SimTransaction Tx, int Index)>>(StringComparer.Ordinal);
        foreach (var transaction in transactions.Where(t => !t.Failed))
        {
            for (var i = 0; i < transaction.Events.Count; i++)
            {
                var mint = transaction.Events[i].Mint;
                if (!byMint.TryGetValue(mint, out var list))
                {
                    byMint[mint] = list = [];
                }

                list.Add((transaction, i));
            }
        }

        return RpcJson.Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("program_id", programId);
            w.WriteNumber("transactions", transactions.Count);
            w.WriteStartObject("mints");
            foreach (var (mint, events) in byMint)
            {
                w.WriteStartArray(mint);
                foreach (var (tx, index) in events)
                {
                    WriteEvent(w, tx, index, tx.Events[index]);
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
        TruthEventWriter.WriteFields(w, spinEvent);
        w.WriteString("timestamp", DateTimeOffset.FromUnixTimeSeconds(tx.BlockTime).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
        w.WriteString("signature", tx.Signature);
        w.WriteNumber("slot", tx.Slot);
        w.WriteNumber("event_index", index);
        w.WriteEndObject();
    }
}
