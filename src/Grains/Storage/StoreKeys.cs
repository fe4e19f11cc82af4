using System.Buffers.Binary;
using System.Text;
using Spin.Grains.Interfaces.Events;

namespace Spin.Grains.Storage;

/// <summary>Fixed-layout byte keys; numbers are big-endian so that a prefix scan is ordered.</summary>
public static class StoreKeys
{
    /// <summary><c>mint(32) | seq(8)</c>.</summary>
    public static byte[] Event(ReadOnlySpan<byte> mint, long seq)
    {
        var key = new byte[mint.Length + 8];
        mint.CopyTo(key);
        BinaryPrimitives.WriteInt64BigEndian(key.AsSpan(mint.Length), seq);
        return key;
    }

    /// <summary>The sequence number of an event key.</summary>
    public static long EventSeq(ReadOnlySpan<byte> key) => BinaryPrimitives.ReadInt64BigEndian(key[^8..]);

    /// <summary><c>mint(32) | signature | index(4)</c>.</summary>
    public static byte[] Dedup(ReadOnlySpan<byte> mint, EventId id)
    {
        var signatureLength = Encoding.ASCII.GetByteCount(id.Signature);
        var key = new byte[mint.Length + signatureLength + 4];
        mint.CopyTo(key);
        Encoding.ASCII.GetBytes(id.Signature, key.AsSpan(mint.Length));
        BinaryPrimitives.WriteInt32BigEndian(key.AsSpan(mint.Length + signatureLength), id.Index);
        return key;
    }

    /// <summary><c>mint(32) | interval(1) | bucket(8)</c>.</summary>
    public static byte[] Candle(ReadOnlySpan<byte> mint, byte interval, long bucket)
    {
        var key = new byte[mint.Length + 9];
        mint.CopyTo(key);
        key[mint.Length] = interval;
        BinaryPrimitives.WriteInt64BigEndian(key.AsSpan(mint.Length + 1), bucket);
        return key;
    }

    /// <summary>The bucket of a candle key.</summary>
    public static long CandleBucket(ReadOnlySpan<byte> key) => BinaryPrimitives.ReadInt64BigEndian(key[^8..]);

    /// <summary><c>mint(32) | 'o' | interval(1) | ordinal(8)</c> → bucket (8 BE): the ordinal-th oldest candle of the
    /// interval. The tag byte is never an interval (1–8), so candle scans of <c>mint | interval</c> never see it.</summary>
    public static byte[] CandleOrdinal(ReadOnlySpan<byte> mint, byte interval, long ordinal) => CandleIndexKey(mint, (byte)'o', interval, ordinal);

    /// <summary><c>mint(32) | 'b' | interval(1) | bucket(8)</c> → ordinal (8 BE) of a stored candle.</summary>
    public static byte[] CandleOrdinalOf(ReadOnlySpan<byte> mint, byte interval, long bucket) => CandleIndexKey(mint, (byte)'b', interval, bucket);

    /// <summary><c>mint(32) | 'n' | interval(1)</c> → the number of stored candles of the interval (8 BE).</summary>
    public static byte[] CandleCount(ReadOnlySpan<byte> mint, byte interval) => CandleIndexKey(mint, (byte)'n', interval, null);

    /// <summary><c>user(32) | mint(32) | seq(8)</c>: an event of a mint that concerns a user.</summary>
    public static byte[] UserEvent(ReadOnlySpan<byte> user, ReadOnlySpan<byte> mint, long seq)
    {
        var key = new byte[user.Length + mint.Length + 8];
        user.CopyTo(key);
        mint.CopyTo(key.AsSpan(user.Length));
        BinaryPrimitives.WriteInt64BigEndian(key.AsSpan(user.Length + mint.Length), seq);
        return key;
    }

    /// <summary><c>shard(2) | mint(32)</c>: a mint's catalog listing.</summary>
    public static byte[] Listing(ushort shard, ReadOnlySpan<byte> mint)
    {
        var key = new byte[2 + mint.Length];
        BinaryPrimitives.WriteUInt16BigEndian(key, shard);
        mint.CopyTo(key.AsSpan(2));
        return key;
    }

    /// <summary>The two-byte prefix of a catalog shard's listings.</summary>
    public static byte[] ListingShard(ushort shard)
    {
        var key = new byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(key, shard);
        return key;
    }

    /// <summary>A named key of the Meta column family.</summary>
    public static byte[] Meta(string name) => Encoding.UTF8.GetBytes(name);

    private static byte[] CandleIndexKey(ReadOnlySpan<byte> mint, byte tag, byte interval, long? number)
    {
        var key = new byte[mint.Length + 2 + (number is null ? 0 : 8)];
        mint.CopyTo(key);
        key[mint.Length] = tag;
        key[mint.Length + 1] = interval;
        if (number is { } n)
        {
            BinaryPrimitives.WriteInt64BigEndian(key.AsSpan(mint.Length + 2), n);
        }

        return key;
    }
}
