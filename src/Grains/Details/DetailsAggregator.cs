using Spin.Grains.Interfaces.Events;
using Spin.Grains.Interfaces.Mints;

namespace Spin.Grains.Details;

/// <summary>Folds events into a mint's details (reference 5.5): creation fields, fees, latest price and trade time,
/// saturating totals, and buy/sell/trade counts. Times are block times.</summary>
public static class DetailsAggregator
{
    /// <summary>The details after one event.</summary>
    public static MintDetails Apply(MintDetails d, ChainEvent chainEvent)
    {
        var time = chainEvent.BlockTime;
        d = d with { LastUpdatedAt = time, FirstSlot = d.FirstSlot == 0 ? chainEvent.Slot : d.FirstSlot };
        return chainEvent.Body switch
        {
            TokenCreatedEvent e => d with
            {
                Payer = e.Payer, CurveAccount = e.CurveAccount, PoolTokenAccount = e.PoolTokenAccount, PoolSolAccount = e.PoolSolAccount,
                FeeRecipient = e.FeeRecipient, BaseFeeRecipient = e.BaseFeeRecipient, ParamsAccount = e.ParamsAccount,
                Name = e.Name, Symbol = e.Symbol, Uri = e.Uri, SwapFee = e.SwapFee, BorrowFee = e.BorrowFee,
                FeeDiscountFlag = e.FeeDiscountFlag, CreateTimestamp = time,
            },
            MilestoneDiscountEvent e => d with { SwapFee = e.SwapFee, BorrowFee = e.BorrowFee, FeeDiscountFlag = e.FeeDiscountFlag },
            BuySellEvent e => Trade(d, e.LatestPrice, time) with
            {
                TotalSolAmount = Add(d.TotalSolAmount, e.SolAmount),
                BuyCount = d.BuyCount + (e.IsBuy ? 1UL : 0),
                SellCount = d.SellCount + (e.IsBuy ? 0UL : 1),
                TradeCount = d.TradeCount + 1,
            },
            LongShortEvent e => Trade(d, e.LatestPrice, time) with { TotalMarginSolAmount = Add(d.TotalMarginSolAmount, e.MarginSolAmount) },
            ForceLiquidateEvent => d with { TotalForceLiquidations = d.TotalForceLiquidations + 1 },
            FullCloseEvent e => Trade(d, e.LatestPrice, time) with { TotalCloseProfit = Add(d.TotalCloseProfit, e.UserCloseProfit) },
            PartialCloseEvent e => Trade(d, e.LatestPrice, time) with { TotalCloseProfit = Add(d.TotalCloseProfit, e.UserCloseProfit) },
            _ => d,
        };
    }

    private static MintDetails Trade(MintDetails d, UInt128 price, long time) => d with { LatestPrice = price, LatestTradeTime = time };

    private static ulong Add(ulong a, ulong b) => a > ulong.MaxValue - b ? ulong.MaxValue : a + b;
}
