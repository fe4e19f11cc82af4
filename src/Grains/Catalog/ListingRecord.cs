using System.Buffers.Binary;
using Spin.Chain.Binary;
using Spin.Grains.Interfaces.Catalog;
using Spin.Grains.Interfaces.Mints;

namespace Spin.Grains.Catalog;

/// <summary>A mint's catalog listing as stored in its silo's Catalog column family, in the mint's own batch:
/// <c>firstSlot(8) | lastTradeTime(8) | volumeLamports(8) | seq(8)</c>, big-endian.</summary>
public static class ListingRecord
{
    private const int Length = 32;

    /// <summary>The listing of a mint with <paramref name="details"/> at sequence number <paramref name="seq"/>.</summary>
    public static MintListing Of(MintDetails details, long seq) =>
        new(details.MintAccount, details.FirstSlot, (ulong)Math.Max(0, details.LatestTradeTime ?? 0), details.TotalSolAmount, seq);

    /// <summary>The stored value.</summary>
    public static byte[] Encode(MintListing listing)
    {
        var value = new byte[Length];
        BinaryPrimitives.WriteUInt64BigEndian(value, listing.FirstSlot);
        BinaryPrimitives.WriteUInt64BigEndian(value.AsSpan(8), listing.LastTradeTime);
        BinaryPrimitives.WriteUInt64BigEndian(value.AsSpan(16), listing.VolumeLamports);
        BinaryPrimitives.WriteInt64BigEndian(value.AsSpan(24), listing.Seq);
        return value;
    }

    /// <summary>Reads a stored listing; <paramref name="key"/> is <c>shard(2) | mint(32)</c>.</summary>
    public static MintListing Decode(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value) =>
        value.Length != Length
            ? throw new InvalidDataException($"A catalog listing is {value.Length} bytes, not {Length}.")
            : new MintListing(PublicKey.ToBase58(key[2..]), BinaryPrimitives.ReadUInt64BigEndian(value),
                BinaryPrimitives.ReadUInt64BigEndian(value[8..]), BinaryPrimitives.ReadUInt64BigEndian(value[16..]),
                BinaryPrimitives.ReadInt64BigEndian(value[24..]));
}
