using System.Text.Json;
using Spin.Grains.Interfaces.Mints;

namespace Spin.Gateway.Json;

/// <summary>Writes spin-server's MintDetailData (every field, null when unknown; <c>uri_data</c> in its fixed shape) plus
/// the metadata document as fetched (<c>uri_data_raw</c>) and buy/sell/trade counts.</summary>
public static class DetailsJson
{
    /// <summary>Writes one details object.</summary>
    public static void Write(Utf8JsonWriter w, MintDetails d)
    {
        w.WriteStartObject();
        w.WriteString("mint_account", d.MintAccount);
        String(w, "payer", d.Payer);
        String(w, "curve_account", d.CurveAccount);
        String(w, "pool_token_account", d.PoolTokenAccount);
        String(w, "pool_sol_account", d.PoolSolAccount);
        String(w, "fee_recipient", d.FeeRecipient);
        String(w, "base_fee_recipient", d.BaseFeeRecipient);
        String(w, "params_account", d.ParamsAccount);
        String(w, "name", d.Name);
        String(w, "symbol", d.Symbol);
        String(w, "uri", d.Uri);
        Number(w, "swap_fee", d.SwapFee);
        Number(w, "borrow_fee", d.BorrowFee);
        Number(w, "fee_discount_flag", d.FeeDiscountFlag);
        Number(w, "create_timestamp", d.CreateTimestamp);
        String(w, "latest_price", d.LatestPrice?.ToString());
        Number(w, "latest_trade_time", d.LatestTradeTime);
        w.WriteNumber("total_sol_amount", d.TotalSolAmount);
        w.WriteNumber("total_margin_sol_amount", d.TotalMarginSolAmount);
        w.WriteNumber("total_force_liquidations", d.TotalForceLiquidations);
        w.WriteNumber("total_close_profit", d.TotalCloseProfit);
        String(w, "created_by", d.Payer);
        String(w, "last_updated_at", d.LastUpdatedAt is { } t ? SpinEventJson.Timestamp(t) : null);
        TokenUriData.Write(w, "uri_data", TokenUriData.Parse(d.UriData));
        RawJson(w, "uri_data_raw", d.UriData);
        w.WriteNumber("buy_count", d.BuyCount);
        w.WriteNumber("sell_count", d.SellCount);
        w.WriteNumber("trade_count", d.TradeCount);
        w.WriteEndObject();
    }

    private static void String(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null)
        {
            w.WriteNull(name);
        }
        else
        {
            w.WriteString(name, value);
        }
    }

    private static void RawJson(Utf8JsonWriter w, string name, string? json)
    {
        w.WritePropertyName(name);
        if (json is null)
        {
            w.WriteNullValue();
        }
        else
        {
            w.WriteRawValue(json);
        }
    }

    private static void Number(Utf8JsonWriter w, string name, long? value)
    {
        if (value is { } number)
        {
            w.WriteNumber(name, number);
        }
        else
        {
            w.WriteNull(name);
        }
    }
}
