using SimpleBase;
using Spin.ChainSimulator.Ledger;

namespace Spin.ChainSimulator.Rpc;

/// <summary>A transaction in its wire format (signatures, then the legacy or v0 message with compact-u16 lengths),
/// for the base64 and base58 encodings of getTransaction.</summary>
public static class WireFormat
{
    /// <summary>The serialized transaction, encoded as <paramref name="encoding"/> (base64 or base58).</summary>
    public static string Encode(SimTransaction tx, string encoding)
    {
        var bytes = Serialize(tx);
        return encoding == "base64" ? Convert.ToBase64String(bytes) : Base58.Bitcoin.Encode(bytes);
    }

    /// <summary>The serialized transaction.</summary>
    public static byte[] Serialize(SimTransaction tx)
    {
        var output = new List<byte>(1024);
        CompactU16(output, 1);
        output.AddRange(Base58.Bitcoin.Decode(tx.Signature));
        var message = tx.Message;
        if (tx.Versioned)
        {
            output.Add(0x80);
        }

        output.AddRange([1, 0, (byte)message.ReadonlyUnsigned]);
        CompactU16(output, message.AccountKeys.Count);
        foreach (var key in message.AccountKeys)
        {
            output.AddRange(Base58.Bitcoin.Decode(key));
        }

        output.AddRange(Base58.Bitcoin.Decode(message.RecentBlockhash));
        CompactU16(output, message.Instructions.Count);
        foreach (var instruction in message.Instructions)
        {
            output.Add((byte)instruction.ProgramIndex);
            CompactU16(output, instruction.Accounts.Count);
            output.AddRange(instruction.Accounts.Select(a => (byte)a));
            CompactU16(output, instruction.Data.Length);
            output.AddRange(instruction.Data);
        }

        if (tx.Versioned)
        {
            CompactU16(output, 0);
        }

        return [.. output];
    }

    private static void CompactU16(List<byte> output, int value)
    {
        while (true)
        {
            var b = (byte)(value & 0x7f);
            value >>= 7;
            if (value == 0)
            {
                output.Add(b);
                return;
            }

            output.Add((byte)(b | 0x80));
        }
    }
}
