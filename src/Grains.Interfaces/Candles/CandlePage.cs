namespace Spin.Grains.Interfaces.Candles;

/// <summary>One page of candles and how many the whole query has. <c>Syncing</c>: the mint's silo is still catching up, so
/// the page may be incomplete.</summary>
[GenerateSerializer, Immutable, Alias("Spin.Grains.Interfaces.Candles.CandlePage")]
public sealed record CandlePage([property: Id(0)] IReadOnlyList<Candle> Candles, [property: Id(1)] long Total,
    [property: Id(2)] bool Syncing = false);
