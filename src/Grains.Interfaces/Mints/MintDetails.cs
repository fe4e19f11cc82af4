using System.Text.Json.Serialization;

namespace Spin.Grains.Interfaces.Mints;

/// <summary>A mint's token details and aggregates (spin-server's MintDetailData plus trade counts); times are Unix
/// seconds of block time.</summary>
[GenerateSerializer, Immutable, Alias("Spin.Grains.Interfaces.Mints.MintDetails")]
public sealed record MintDetails
{
    [Id(0)] public required string MintAccount { get; init; }
    [Id(1)] public string? Payer { get; init; }
    [Id(2)] public string? CurveAccount { get; init; }
    [Id(3)] public string? PoolTokenAccount { get; init; }
    [Id(4)] public string? PoolSolAccount { get; init; }
    [Id(5)] public string? FeeRecipient { get; init; }
    [Id(6)] public string? BaseFeeRecipient { get; init; }
    [Id(7)] public string? ParamsAccount { get; init; }
    [Id(8)] public string? Name { get; init; }
    [Id(9)] public string? Symbol { get; init; }
    [Id(10)] public string? Uri { get; init; }
    [Id(11)] public ushort? SwapFee { get; init; }
    [Id(12)] public ushort? BorrowFee { get; init; }
    [Id(13)] public byte? FeeDiscountFlag { get; init; }
    [Id(14)] public long? CreateTimestamp { get; init; }
    [Id(15)] public UInt128? LatestPrice { get; init; }
    [Id(16)] public long? LatestTradeTime { get; init; }
    [Id(17)] public ulong TotalSolAmount { get; init; }
    [Id(18)] public ulong TotalMarginSolAmount { get; init; }
    [Id(19)] public ulong TotalForceLiquidations { get; init; }
    [Id(20)] public ulong TotalCloseProfit { get; init; }
    [Id(21)] public long? LastUpdatedAt { get; init; }
    [Id(22)] public ulong BuyCount { get; init; }
    [Id(23)] public ulong SellCount { get; init; }
    [Id(24)] public ulong TradeCount { get; init; }
    [Id(25)] public ulong FirstSlot { get; init; }

    /// <summary>The token's metadata JSON fetched from <see cref="Uri"/>, as received; null while pending or failed.
    /// Kept apart from the stored aggregate (hence not in its JSON), and filled in by the grain on read.</summary>
    [Id(26), JsonIgnore] public string? UriData { get; init; }
}
