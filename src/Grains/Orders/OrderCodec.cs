using Spin.Chain.Binary;
using Spin.Grains.Interfaces.Orders;

namespace Spin.Grains.Orders;

/// <summary>The stored form of an open order: its fields in Borsh layout.</summary>
public static class OrderCodec
{
    /// <summary>Encodes an order.</summary>
    public static byte[] Encode(MarginOrder o) => new BorshWriter()
        .U8(o.OrderType).PublicKey(o.Mint).PublicKey(o.User).U128(o.LockLpStartPrice).U128(o.LockLpEndPrice)
        .U64(o.LockLpSolAmount).U64(o.LockLpTokenAmount).U32(o.StartTime).U32(o.EndTime).U64(o.MarginSolAmount)
        .U64(o.BorrowAmount).U64(o.PositionAssetAmount).U16(o.BorrowFee).PublicKey(o.OrderPda).ToArray();

    /// <summary>Decodes a stored order; throws <see cref="InvalidDataException"/> on a corrupt record.</summary>
    public static MarginOrder Decode(ReadOnlySpan<byte> value)
    {
        var r = new BorshReader(value);
        return r.TryReadU8(out var type) && r.TryReadPublicKey(out var mint) && r.TryReadPublicKey(out var user)
            && r.TryReadU128(out var start) && r.TryReadU128(out var end) && r.TryReadU64(out var sol) && r.TryReadU64(out var token)
            && r.TryReadU32(out var startTime) && r.TryReadU32(out var endTime) && r.TryReadU64(out var margin)
            && r.TryReadU64(out var borrow) && r.TryReadU64(out var position) && r.TryReadU16(out var fee) && r.TryReadPublicKey(out var pda)
            ? new MarginOrder(type, mint, user, start, end, sol, token, startTime, endTime, margin, borrow, position, fee, pda)
            : throw new InvalidDataException("Stored order does not decode.");
    }
}
