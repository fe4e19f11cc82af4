using Spin.Chain.Binary;
using Spin.Grains.Interfaces.Events;

namespace Spin.Chain.SpinPet;

/// <summary>Decodes SpinPet event payloads (discriminator + Borsh body). Pure, allocation-light, never throws.</summary>
public static class SpinPetEventDecoder
{
    /// <summary>Decodes one payload; trailing bytes after a complete event are ignored, as Anchor clients do.</summary>
    public static DecodeStatus TryDecode(ReadOnlySpan<byte> payload, out SpinEvent? decoded)
    {
        decoded = null;
        if (payload.Length < 8)
        {
            return DecodeStatus.Garbage;
        }

        if (!SpinPetDiscriminators.TryGetType(payload[..8], out var type))
        {
            return DecodeStatus.UnknownDiscriminator;
        }

        var reader = new BorshReader(payload[8..]);
        decoded = type switch
        {
            SpinEventType.TokenCreated => ReadTokenCreated(ref reader),
            SpinEventType.BuySell => ReadBuySell(ref reader),
            SpinEventType.LongShort => ReadLongShort(ref reader),
            SpinEventType.ForceLiquidate => ReadForceLiquidate(ref reader),
            SpinEventType.FullClose => ReadClose(ref reader, partial: false),
            SpinEventType.PartialClose => ReadClose(ref reader, partial: true),
            _ => ReadMilestoneDiscount(ref reader),
        };
        return decoded is null ? DecodeStatus.Truncated : DecodeStatus.Ok;
    }

    private static TokenCreatedEvent? ReadTokenCreated(ref BorshReader r) =>
        r.TryReadPublicKey(out var payer) && r.TryReadPublicKey(out var mint) && r.TryReadPublicKey(out var curve)
        && r.TryReadPublicKey(out var poolToken) && r.TryReadPublicKey(out var poolSol)
        && r.TryReadPublicKey(out var feeRecipient) && r.TryReadPublicKey(out var baseFeeRecipient)
        && r.TryReadPublicKey(out var paramsAccount) && r.TryReadU16(out var swapFee) && r.TryReadU16(out var borrowFee)
        && r.TryReadU8(out var flag) && r.TryReadString(out var name) && r.TryReadString(out var symbol)
        && r.TryReadString(out var uri)
            ? new TokenCreatedEvent(payer, mint, curve, poolToken, poolSol, feeRecipient, baseFeeRecipient,
                paramsAccount, swapFee, borrowFee, flag, name, symbol, uri)
            : null;

    private static BuySellEvent? ReadBuySell(ref BorshReader r) =>
        r.TryReadPublicKey(out var payer) && r.TryReadPublicKey(out var mint) && r.TryReadBool(out var isBuy)
        && r.TryReadU64(out var tokenAmount) && r.TryReadU64(out var solAmount) && r.TryReadU128(out var price)
            ? new BuySellEvent(payer, mint, isBuy, tokenAmount, solAmount, price)
            : null;

    private static LongShortEvent? ReadLongShort(ref BorshReader r) =>
        r.TryReadPublicKey(out var payer) && r.TryReadPublicKey(out var mint) && r.TryReadPublicKey(out var pda)
        && r.TryReadU128(out var price) && ReadOrder(ref r) is { } o
            ? new LongShortEvent(payer, mint, pda, price, o.OrderType, o.Mint, o.User, o.StartPrice, o.EndPrice,
                o.LpSol, o.LpToken, o.StartTime, o.EndTime, o.Margin, o.Borrow, o.Position, o.BorrowFee)
            : null;

    private static ForceLiquidateEvent? ReadForceLiquidate(ref BorshReader r) =>
        r.TryReadPublicKey(out var payer) && r.TryReadPublicKey(out var mint) && r.TryReadPublicKey(out var pda)
            ? new ForceLiquidateEvent(payer, mint, pda)
            : null;

    private static SpinEvent? ReadClose(ref BorshReader r, bool partial)
    {
        if (!(r.TryReadPublicKey(out var payer) && r.TryReadPublicKey(out var userSol) && r.TryReadPublicKey(out var mint)
            && r.TryReadBool(out var isLong) && r.TryReadU64(out var finalToken) && r.TryReadU64(out var finalSol)
            && r.TryReadU64(out var profit) && r.TryReadU128(out var price) && r.TryReadPublicKey(out var pda)))
        {
            return null;
        }

        if (!partial)
        {
            return new FullCloseEvent(payer, userSol, mint, isLong, finalToken, finalSol, profit, price, pda);
        }

        return ReadOrder(ref r) is { } o
            ? new PartialCloseEvent(payer, userSol, mint, isLong, finalToken, finalSol, profit, price, pda,
                o.OrderType, o.Mint, o.User, o.StartPrice, o.EndPrice, o.LpSol, o.LpToken, o.StartTime, o.EndTime,
                o.Margin, o.Borrow, o.Position, o.BorrowFee)
            : null;
    }

    private static MilestoneDiscountEvent? ReadMilestoneDiscount(ref BorshReader r) =>
        r.TryReadPublicKey(out var payer) && r.TryReadPublicKey(out var mint) && r.TryReadPublicKey(out var curve)
        && r.TryReadU16(out var swapFee) && r.TryReadU16(out var borrowFee) && r.TryReadU8(out var flag)
            ? new MilestoneDiscountEvent(payer, mint, curve, swapFee, borrowFee, flag)
            : null;

    private static OrderFields? ReadOrder(ref BorshReader r) =>
        r.TryReadU8(out var type) && r.TryReadPublicKey(out var mint) && r.TryReadPublicKey(out var user)
        && r.TryReadU128(out var start) && r.TryReadU128(out var end) && r.TryReadU64(out var lpSol)
        && r.TryReadU64(out var lpToken) && r.TryReadU32(out var startTime) && r.TryReadU32(out var endTime)
        && r.TryReadU64(out var margin) && r.TryReadU64(out var borrow) && r.TryReadU64(out var position)
        && r.TryReadU16(out var borrowFee)
            ? new OrderFields(type, mint, user, start, end, lpSol, lpToken, startTime, endTime, margin, borrow, position, borrowFee)
            : null;

    private sealed record OrderFields(
        byte OrderType, string Mint, string User, UInt128 StartPrice, UInt128 EndPrice, ulong LpSol, ulong LpToken,
        uint StartTime, uint EndTime, ulong Margin, ulong Borrow, ulong Position, ushort BorrowFee);
}
