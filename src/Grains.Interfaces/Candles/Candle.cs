namespace Spin.Grains.Interfaces.Candles;

/// <summary>One OHLC bucket: start time (Unix seconds), prices exact as on chain (SOL per token × 1e28), the BuySell
/// volume in lamports and the number of price events.</summary>
[GenerateSerializer, Immutable, Alias("Spin.Grains.Interfaces.Candles.Candle")]
public sealed record Candle(
    [property: Id(0)] long Time,
    [property: Id(1)] UInt128 Open,
    [property: Id(2)] UInt128 High,
    [property: Id(3)] UInt128 Low,
    [property: Id(4)] UInt128 Close,
    [property: Id(5)] ulong VolumeLamports,
    [property: Id(6)] uint UpdateCount);
