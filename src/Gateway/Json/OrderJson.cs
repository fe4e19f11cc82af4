using System.Text.Json;
using Spin.Grains.Interfaces.Orders;

namespace Spin.Gateway.Json;

/// <summary>Writes spin-server's OrderData, with the token fields filled from the mint's details and uri_data.</summary>
public static class OrderJson
{
    /// <summary>Writes one order object.</summary>
    public static void Write(Utf8JsonWriter w, MarginOrder o, OrderToken token)
    {
        w.WriteStartObject();
        w.WriteNumber("order_type", o.OrderType);
        w.WriteString("mint", o.Mint);
        w.WriteString("user", o.User);
        SpinEventJson.WriteU128(w, "lock_lp_start_price", o.LockLpStartPrice);
        SpinEventJson.WriteU128(w, "lock_lp_end_price", o.LockLpEndPrice);
        w.WriteNumber("lock_lp_sol_amount", o.LockLpSolAmount);
        w.WriteNumber("lock_lp_token_amount", o.LockLpTokenAmount);
        w.WriteNumber("start_time", o.StartTime);
        w.WriteNumber("end_time", o.EndTime);
        w.WriteNumber("margin_sol_amount", o.MarginSolAmount);
        w.WriteNumber("borrow_amount", o.BorrowAmount);
        w.WriteNumber("position_asset_amount", o.PositionAssetAmount);
        w.WriteNumber("borrow_fee", o.BorrowFee);
        w.WriteString("order_pda", o.OrderPda);
        SpinEventJson.WriteU128(w, "latest_price", token.LatestPrice);
        w.WriteNumber("latest_trade_time", token.LatestTradeTime);
        w.WriteString("name", token.Name);
        w.WriteString("symbol", token.Symbol);
        w.WriteString("image", token.Image);
        w.WriteEndObject();
    }
}
