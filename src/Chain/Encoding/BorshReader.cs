using System.Buffers.Binary;
using System.Text;

namespace Spin.Chain.Encoding;

/// <summary>Reads Borsh little-endian values from a span; every read is bounds-checked and reports failure instead of throwing.</summary>
public ref struct BorshReader(ReadOnlySpan<byte> data)
{
    private static readonly UTF8Encoding StrictUtf8 = new(false, true);
    private readonly ReadOnlySpan<byte> _data = data;
    private int _offset;

    /// <summary>Bytes not read yet.</summary>
    public readonly int Remaining => _data.Length - _offset;

    /// <summary>Reads a 32-byte public key as base58.</summary>
    public bool TryReadPublicKey(out string value)
    {
        value = string.Empty;
        if (!TryTake(PublicKey.Length, out var bytes))
        {
            return false;
        }

        value = PublicKey.ToBase58(bytes);
        return true;
    }

    /// <summary>Reads a bool; any non-zero byte is true.</summary>
    public bool TryReadBool(out bool value)
    {
        value = TryTake(1, out var b) && b[0] != 0;
        return b.Length == 1;
    }

    /// <summary>Reads a u8.</summary>
    public bool TryReadU8(out byte value)
    {
        var ok = TryTake(1, out var b);
        value = ok ? b[0] : (byte)0;
        return ok;
    }

    /// <summary>Reads a little-endian u16.</summary>
    public bool TryReadU16(out ushort value)
    {
        var ok = TryTake(2, out var b);
        value = ok ? BinaryPrimitives.ReadUInt16LittleEndian(b) : (ushort)0;
        return ok;
    }

    /// <summary>Reads a little-endian u32.</summary>
    public bool TryReadU32(out uint value)
    {
        var ok = TryTake(4, out var b);
        value = ok ? BinaryPrimitives.ReadUInt32LittleEndian(b) : 0;
        return ok;
    }

    /// <summary>Reads a little-endian u64.</summary>
    public bool TryReadU64(out ulong value)
    {
        var ok = TryTake(8, out var b);
        value = ok ? BinaryPrimitives.ReadUInt64LittleEndian(b) : 0;
        return ok;
    }

    /// <summary>Reads a little-endian u128.</summary>
    public bool TryReadU128(out UInt128 value)
    {
        var ok = TryTake(16, out var b);
        value = ok ? BinaryPrimitives.ReadUInt128LittleEndian(b) : UInt128.Zero;
        return ok;
    }

    /// <summary>Reads a Borsh string: u32 length then strict UTF-8.</summary>
    public bool TryReadString(out string value)
    {
        value = string.Empty;
        if (!TryReadU32(out var length) || length > (uint)Remaining || !TryTake((int)length, out var bytes))
        {
            return false;
        }

        try
        {
            value = StrictUtf8.GetString(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    private bool TryTake(int count, out ReadOnlySpan<byte> bytes)
    {
        if (count < 0 || count > Remaining)
        {
            bytes = default;
            return false;
        }

        bytes = _data.Slice(_offset, count);
        _offset += count;
        return true;
    }
}
