using System.Globalization;
using System.Text.Json;
using Spin.Grains.Interfaces.Events;

namespace Spin.Gateway.Json;

/// <summary>Writes events as spin-server's <c>/api/events</c> items: <c>event_type</c>, the IDL fields (u128 as
/// decimal strings), then <c>timestamp</c> (RFC 3339, block time), <c>signature</c> and <c>slot</c>.</summary>
public static class SpinEventJson
{
    /// <summary>Writes one tagged event object.</summary>
    public static void Write(Utf8JsonWriter w, ChainEvent chainEvent)
    {
        w.WriteStartObject();
        w.WriteString("event_type", chainEvent.Body.Type.ToString());
        WriteFields(w, chainEvent.Body);
        WriteChainFields(w, chainEvent);
        w.WriteEndObject();
    }

    /// <summary>Writes what spin-server appends to every event struct: <c>timestamp</c> (RFC 3339, block time),
    /// <c>signature</c> and <c>slot</c>.</summary>
    public static void WriteChainFields(Utf8JsonWriter w, ChainEvent chainEvent)
    {
        w.WriteString("timestamp", Timestamp(chainEvent.BlockTime));
        w.WriteString("signature", chainEvent.Id.Signature);
        w.WriteNumber("slot", chainEvent.Slot);
    }

    /// <summary>Writes the event's own fields (without tag or chain metadata) into the current object.</summary>
    public static void WriteFields(Utf8JsonWriter w, SpinEvent body)
    {
        switch (body)
        {
            case TokenCreatedEvent e:
                w.WriteString("payer", e.Payer);
                w.WriteString("mint_account", e.MintAccount);
                w.WriteString("curve_account", e.CurveAccount);
                w.WriteString("pool_token_account", e.PoolTokenAccount);
                w.WriteString("pool_sol_account", e.PoolSolAccount);
                w.WriteString("fee_recipient", e.FeeRecipient);
                w.WriteString("base_fee_recipient", e.BaseFeeRecipient);
                w.WriteString("params_account", e.ParamsAccount);
                w.WriteString("name", e.Name);
                w.WriteString("symbol", e.Symbol);
                w.WriteString("uri", e.Uri);
                w.WriteNumber("swap_fee", e.SwapFee);
                w.WriteNumber("borrow_fee", e.BorrowFee);
                w.WriteNumber("fee_discount_flag", e.FeeDiscountFlag);
                break;
            case BuySellEvent e:
                w.WriteString("payer", e.Payer);
                w.WriteString("mint_account", e.MintAccount);
                w.WriteBoolean("is_buy", e.IsBuy);
                w.WriteNumber("token_amount", e.TokenAmount);
                w.WriteNumber("sol_amount", e.SolAmount);
                WriteU128(w, "latest_price", e.LatestPrice);
                break;
            case LongShortEvent e:
                w.WriteString("payer", e.Payer);
                w.WriteString("mint_account", e.MintAccount);
                w.WriteString("order_pda", e.OrderPda);
                WriteU128(w, "latest_price", e.LatestPrice);
                WriteOrder(w, e.OrderType, e.OrderMint, e.User, e.LockLpStartPrice, e.LockLpEndPrice, e.LockLpSolAmount,
                    e.LockLpTokenAmount, e.StartTime, e.EndTime, e.MarginSolAmount, e.BorrowAmount, e.PositionAssetAmount, e.BorrowFee);
                break;
            case ForceLiquidateEvent e:
                w.WriteString("payer", e.Payer);
                w.WriteString("mint_account", e.MintAccount);
                w.WriteString("order_pda", e.OrderPda);
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
                w.WriteString("payer", e.Payer);
                w.WriteString("mint_account", e.MintAccount);
                w.WriteString("curve_account", e.CurveAccount);
                w.WriteNumber("swap_fee", e.SwapFee);
                w.WriteNumber("borrow_fee", e.BorrowFee);
                w.WriteNumber("fee_discount_flag", e.FeeDiscountFlag);
                break;
        }
    }

    /// <summary>Unix seconds as RFC 3339 UTC.</summary>
    public static string Timestamp(long unixSeconds) =>
        DateTimeOffset.FromUnixTimeSeconds(unixSeconds).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>A u128 as a decimal string, spin-server's form for prices.</summary>
    public static void WriteU128(Utf8JsonWriter w, string name, UInt128 value) =>
        w.WriteString(name, value.ToString(CultureInfo.InvariantCulture));

    private static void WriteClose(Utf8JsonWriter w, string payer, string userSol, string mint, bool isLong, ulong finalToken,
        ulong finalSol, ulong profit, UInt128 price, string pda)
    {
        w.WriteString("payer", payer);
        w.WriteString("user_sol_account", userSol);
        w.WriteString("mint_account", mint);
        w.WriteBoolean("is_close_long", isLong);
        w.WriteNumber("final_token_amount", finalToken);
        w.WriteNumber("final_sol_amount", finalSol);
        w.WriteNumber("user_close_profit", profit);
        WriteU128(w, "latest_price", price);
        w.WriteString("order_pda", pda);
    }

    private static void WriteOrder(Utf8JsonWriter w, byte type, string mint, string user, UInt128 start, UInt128 end, ulong lpSol,
        ulong lpToken, uint startTime, uint endTime, ulong margin, ulong borrow, ulong position, ushort borrowFee)
    {
        w.WriteNumber("order_type", type);
        w.WriteString("mint", mint);
        w.WriteString("user", user);
        WriteU128(w, "lock_lp_start_price", start);
        WriteU128(w, "lock_lp_end_price", end);
        w.WriteNumber("lock_lp_sol_amount", lpSol);
        w.WriteNumber("lock_lp_token_amount", lpToken);
        w.WriteNumber("start_time", startTime);
        w.WriteNumber("end_time", endTime);
        w.WriteNumber("margin_sol_amount", margin);
        w.WriteNumber("borrow_amount", borrow);
        w.WriteNumber("position_asset_amount", position);
        w.WriteNumber("borrow_fee", borrowFee);
    }
}
