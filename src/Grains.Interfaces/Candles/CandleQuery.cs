namespace Spin.Grains.Interfaces.Candles;

/// <summary>A page of candles of one interval, optionally within [From, To] (Unix seconds) and with empty buckets filled.</summary>
[GenerateSerializer, Immutable, Alias("Spin.Grains.Interfaces.Candles.CandleQuery")]
public sealed record CandleQuery(
    [property: Id(0)] CandleInterval Interval,
    [property: Id(1)] int Page,
    [property: Id(2)] int Limit,
    [property: Id(3)] bool Descending,
    [property: Id(4)] long? From = null,
    [property: Id(5)] long? To = null,
    [property: Id(6)] bool FillGaps = false);
