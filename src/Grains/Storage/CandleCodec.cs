using System.Buffers.Binary;
using Spin.Grains.Interfaces.Candles;

namespace Spin.Grains.Storage;

/// <summary>The stored form of a candle: open, high, low, close (u128 LE), volume (u64), update count (u32).</summary>
public static class CandleCodec
{
    private const int Length = (4 * 16) + 8 + 4;

    /// <summary>Encodes a candle (its time lives in the key).</summary>
    public static byte[] Encode(Candle candle)
    {
        var value = new byte[Length];
        BinaryPrimitives.WriteUInt128LittleEndian(value, candle.Open);
        BinaryPrimitives.WriteUInt128LittleEndian(value.AsSpan(16), candle.High);
        BinaryPrimitives.WriteUInt128LittleEndian(value.AsSpan(32), candle.Low);
        BinaryPrimitives.WriteUInt128LittleEndian(value.AsSpan(48), candle.Close);
        BinaryPrimitives.WriteUInt64LittleEndian(value.AsSpan(64), candle.VolumeLamports);
        BinaryPrimitives.WriteUInt32LittleEndian(value.AsSpan(72), candle.UpdateCount);
        return value;
    }

    /// <summary>Decodes a stored candle of the given bucket.</summary>
    public static Candle Decode(long time, ReadOnlySpan<byte> value) => value.Length != Length
        ? throw new InvalidDataException($"Stored candle {time} has {value.Length} bytes, not {Length}.")
        : new Candle(
            time,
            BinaryPrimitives.ReadUInt128LittleEndian(value),
            BinaryPrimitives.ReadUInt128LittleEndian(value[16..]),
            BinaryPrimitives.ReadUInt128LittleEndian(value[32..]),
            BinaryPrimitives.ReadUInt128LittleEndian(value[48..]),
            BinaryPrimitives.ReadUInt64LittleEndian(value[64..]),
            BinaryPrimitives.ReadUInt32LittleEndian(value[72..]));
}
