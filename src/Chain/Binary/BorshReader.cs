using System.Buffers.Binary;
using System.Text.Unicode;

namespace Spin.Chain.Binary;

/// <summary>Reads Borsh little-endian values from a span; every read is bounds-checked and reports failure instead of throwing.</summary>
public ref struct BorshReader(ReadOnlySpan<byte> data)
{
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

    /// <summary>Reads a bool; as in Borsh and Anchor, only 0 and 1 are valid.</summary>
    public bool TryReadBool(out bool value)
    {
        var ok = TryTake(1, out var b) && b[0] <= 1;
        value = ok && b[0] == 1;
        return ok;
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
        // The length is checked against the bytes left before anything is allocated, and UTF-8 is validated up front
        // so that hostile input costs no exception.
        if (!TryReadU32(out var length) || length > (uint)Remaining || !TryTake((int)length, out var bytes) || !Utf8.IsValid(bytes))
        {
            return false;
        }

        value = System.Text.Encoding.UTF8.GetString(bytes);
        return true;
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
