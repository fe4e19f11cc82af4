using Spin.Chain.Binary;
using Spin.Grains.Interfaces.Events;

namespace Spin.Chain.SpinPet;

/// <summary>Encodes SpinPet events as the program emits them (discriminator + Borsh body); used by the chain simulator and storage.</summary>
public static class SpinPetEventEncoder
{
    /// <summary>Encodes an event into its <c>Program data:</c> payload bytes.</summary>
    public static byte[] Encode(SpinEvent value)
    {
        var w = new BorshWriter().Raw(SpinPetDiscriminators.Bytes[value.Type]);
        switch (value)
        {
            case TokenCreatedEvent e:
                w.PublicKey(e.Payer).PublicKey(e.MintAccount).PublicKey(e.CurveAccount).PublicKey(e.PoolTokenAccount)
                    .PublicKey(e.PoolSolAccount).PublicKey(e.FeeRecipient).PublicKey(e.BaseFeeRecipient)
                    .PublicKey(e.ParamsAccount).U16(e.SwapFee).U16(e.BorrowFee).U8(e.FeeDiscountFlag)
                    .String(e.Name).String(e.Symbol).String(e.Uri);
                break;
            case BuySellEvent e:
                w.PublicKey(e.Payer).PublicKey(e.MintAccount).Bool(e.IsBuy).U64(e.TokenAmount).U64(e.SolAmount).U128(e.LatestPrice);
                break;
            case LongShortEvent e:
                w.PublicKey(e.Payer).PublicKey(e.MintAccount).PublicKey(e.OrderPda).U128(e.LatestPrice);
                WriteOrder(w, e.OrderType, e.OrderMint, e.User, e.LockLpStartPrice, e.LockLpEndPrice, e.LockLpSolAmount,
                    e.LockLpTokenAmount, e.StartTime, e.EndTime, e.MarginSolAmount, e.BorrowAmount, e.PositionAssetAmount, e.BorrowFee);
                break;
            case ForceLiquidateEvent e:
                w.PublicKey(e.Payer).PublicKey(e.MintAccount).PublicKey(e.OrderPda);
                break;
            case FullCloseEvent e:
                WriteClose(w, e.Payer, e.UserSolAccount, e.MintAccount, e.IsCloseLong, e.FinalTokenAmount, e.FinalSolAmount,
                    e.UserCloseProfit, e.LatestPrice, e.OrderPda);
                break;
            case PartialCloseEvent e:
                WriteClose(w, e.Payer, e.UserSolAccount, e.MintAccount, e.IsCloseLong, e.FinalTokenAmount, e.FinalSolAmount,
                    e.UserCloseProfit, e.LatestPrice, e.OrderPda);
                WriteOrder(w, e.OrderType, e.OrderMint, e.User, e.LockLpStartPrice, e.LockLpEndPrice, e.LockLpSolAmount,
                    e.LockLpTokenAmount, e.StartTime, e.EndTime, e.MarginSolAmount, e.BorrowAmount, e.PositionAssetAmount, e.BorrowFee);
                break;
            case MilestoneDiscountEvent e:
                w.PublicKey(e.Payer).PublicKey(e.MintAccount).PublicKey(e.CurveAccount).U16(e.SwapFee).U16(e.BorrowFee).U8(e.FeeDiscountFlag);
                break;
        }

        return w.ToArray();
    }

    private static void WriteClose(BorshWriter w, string payer, string userSol, string mint, bool isLong, ulong finalToken,
        ulong finalSol, ulong profit, UInt128 price, string pda) =>
        w.PublicKey(payer).PublicKey(userSol).PublicKey(mint).Bool(isLong).U64(finalToken).U64(finalSol).U64(profit).U128(price).PublicKey(pda);

    private static void WriteOrder(BorshWriter w, byte type, string mint, string user, UInt128 start, UInt128 end, ulong lpSol,
        ulong lpToken, uint startTime, uint endTime, ulong margin, ulong borrow, ulong position, ushort borrowFee) =>
        w.U8(type).PublicKey(mint).PublicKey(user).U128(start).U128(end).U64(lpSol).U64(lpToken).U32(startTime).U32(endTime)
            .U64(margin).U64(borrow).U64(position).U16(borrowFee);
}
