using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace Spin.Chain.Binary;

/// <summary>Writes Borsh little-endian values into a growing buffer.</summary>
public sealed class BorshWriter
{
    private readonly ArrayBufferWriter<byte> _buffer = new(128);

    /// <summary>Appends raw bytes.</summary>
    public BorshWriter Raw(ReadOnlySpan<byte> bytes)
    {
        _buffer.Write(bytes);
        return this;
    }

    /// <summary>Appends a base58 public key as its 32 raw bytes.</summary>
    public BorshWriter PublicKey(string base58) => Raw(Binary.PublicKey.Parse(base58));

    /// <summary>Appends a bool as one byte.</summary>
    public BorshWriter Bool(bool value) => U8(value ? (byte)1 : (byte)0);

    /// <summary>Appends a u8.</summary>
    public BorshWriter U8(byte value) => Raw([value]);

    /// <summary>Appends a little-endian u16.</summary>
    public BorshWriter U16(ushort value)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(_buffer.GetSpan(2), value);
        _buffer.Advance(2);
        return this;
    }

    /// <summary>Appends a little-endian u32.</summary>
    public BorshWriter U32(uint value)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(_buffer.GetSpan(4), value);
        _buffer.Advance(4);
        return this;
    }

    /// <summary>Appends a little-endian u64.</summary>
    public BorshWriter U64(ulong value)
    {
        BinaryPrimitives.WriteUInt64LittleEndian(_buffer.GetSpan(8), value);
        _buffer.Advance(8);
        return this;
    }

    /// <summary>Appends a little-endian u128.</summary>
    public BorshWriter U128(UInt128 value)
    {
        BinaryPrimitives.WriteUInt128LittleEndian(_buffer.GetSpan(16), value);
        _buffer.Advance(16);
        return this;
    }

    /// <summary>Appends a Borsh string (u32 length, UTF-8 bytes).</summary>
    public BorshWriter String(string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        return U32((uint)bytes.Length).Raw(bytes);
    }

    /// <summary>The bytes written so far.</summary>
    public byte[] ToArray() => _buffer.WrittenSpan.ToArray();
}
