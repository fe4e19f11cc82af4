using System.Globalization;
using System.Text.Json;
using Spin.Grains.Interfaces.Events;

namespace Spin.ChainSimulator.Truth;

/// <summary>Writes an event's IDL fields under their snake_case IDL names, in spin-server's <c>/api/events</c> order
/// (Borsh order, except TokenCreated's name/symbol/uri before its fees); u128 as decimal strings.</summary>
public static class TruthEventWriter
{
    /// <summary>Writes the fields of <paramref name="e"/> into the open object.</summary>
    public static void WriteFields(Utf8JsonWriter w, SpinEvent e)
    {
        switch (e)
        {
            case TokenCreatedEvent t:
                Keys(w, ("payer", t.Payer), ("mint_account", t.MintAccount), ("curve_account", t.CurveAccount),
                    ("pool_token_account", t.PoolTokenAccount), ("pool_sol_account", t.PoolSolAccount), ("fee_recipient", t.FeeRecipient),
                    ("base_fee_recipient", t.BaseFeeRecipient), ("params_account", t.ParamsAccount), ("name", t.Name), ("symbol", t.Symbol), ("uri", t.Uri));
                Fees(w, t.SwapFee, t.BorrowFee, t.FeeDiscountFlag);
                break;
            case BuySellEvent b:
                Keys(w, ("payer", b.Payer), ("mint_account", b.MintAccount));
                w.WriteBoolean("is_buy", b.IsBuy);
                w.WriteNumber("token_amount", b.TokenAmount);
                w.WriteNumber("sol_amount", b.SolAmount);
                U128(w, "latest_price", b.LatestPrice);
                break;
            case LongShortEvent l:
                Keys(w, ("payer", l.Payer), ("mint_account", l.MintAccount), ("order_pda", l.OrderPda));
                U128(w, "latest_price", l.LatestPrice);
                Order(w, l.OrderType, l.OrderMint, l.User, l.LockLpStartPrice, l.LockLpEndPrice, l.LockLpSolAmount, l.LockLpTokenAmount,
                    l.StartTime, l.EndTime, l.MarginSolAmount, l.BorrowAmount, l.PositionAssetAmount, l.BorrowFee);
                break;
            case ForceLiquidateEvent f:
                Keys(w, ("payer", f.Payer), ("mint_account", f.MintAccount), ("order_pda", f.OrderPda));
                break;
            case FullCloseEvent c:
                Close(w, c.Payer, c.UserSolAccount, c.MintAccount, c.IsCloseLong, c.FinalTokenAmount, c.FinalSolAmount, c.UserCloseProfit, c.LatestPrice, c.OrderPda);
                break;
            case PartialCloseEvent p:
                Close(w, p.Payer, p.UserSolAccount, p.MintAccount, p.IsCloseLong, p.FinalTokenAmount, p.FinalSolAmount, p.UserCloseProfit, p.LatestPrice, p.OrderPda);
                Order(w, p.OrderType, p.OrderMint, p.User, p.LockLpStartPrice, p.LockLpEndPrice, p.LockLpSolAmount, p.LockLpTokenAmount,
                    p.StartTime, p.EndTime, p.MarginSolAmount, p.BorrowAmount, p.PositionAssetAmount, p.BorrowFee);
                break;
            case MilestoneDiscountEvent m:
                Keys(w, ("payer", m.Payer), ("mint_account", m.MintAccount), ("curve_account", m.CurveAccount));
                Fees(w, m.SwapFee, m.BorrowFee, m.FeeDiscountFlag);
                break;
            default:
                throw new InvalidOperationException($"No truth encoding for {e.GetType().Name}");
        }
    }

    private static void Close(Utf8JsonWriter w, string payer, string userSol, string mint, bool isCloseLong, ulong finalToken,
        ulong finalSol, ulong profit, UInt128 price, string orderPda)
    {
        Keys(w, ("payer", payer), ("user_sol_account", userSol), ("mint_account", mint));
        w.WriteBoolean("is_close_long", isCloseLong);
        w.WriteNumber("final_token_amount", finalToken);
        w.WriteNumber("final_sol_amount", finalSol);
        w.WriteNumber("user_close_profit", profit);
        U128(w, "latest_price", price);
        w.WriteString("order_pda", orderPda);
    }

    private static void Order(Utf8JsonWriter w, byte orderType, string mint, string user, UInt128 start, UInt128 end, ulong lpSol,
        ulong lpToken, uint startTime, uint endTime, ulong margin, ulong borrow, ulong position, ushort borrowFee)
    {
        w.WriteNumber("order_type", orderType);
        Keys(w, ("mint", mint), ("user", user));
        U128(w, "lock_lp_start_price", start);
        U128(w, "lock_lp_end_price", end);
        w.WriteNumber("lock_lp_sol_amount", lpSol);
        w.WriteNumber("lock_lp_token_amount", lpToken);
        w.WriteNumber("start_time", startTime);
        w.WriteNumber("end_time", endTime);
        w.WriteNumber("margin_sol_amount", margin);
        w.WriteNumber("borrow_amount", borrow);
        w.WriteNumber("position_asset_amount", position);
        w.WriteNumber("borrow_fee", borrowFee);
    }

    private static void Fees(Utf8JsonWriter w, ushort swapFee, ushort borrowFee, byte discountFlag)
    {
        w.WriteNumber("swap_fee", swapFee);
        w.WriteNumber("borrow_fee", borrowFee);
        w.WriteNumber("fee_discount_flag", discountFlag);
    }

    private static void Keys(Utf8JsonWriter w, params (string Name, string Value)[] fields)
    {
        foreach (var (name, value) in fields)
        {
            w.WriteString(name, value);
        }
    }

    private static void U128(Utf8JsonWriter w, string name, UInt128 value) => w.WriteString(name, value.ToString(CultureInfo.InvariantCulture));
}
