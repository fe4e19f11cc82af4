namespace Spin.Grains.Interfaces.Candles;

/// <summary>The candle intervals: spin-server's s1, s30 and m5, plus m1, m15, h1, h4 and d1.</summary>
public enum CandleInterval : byte
{
    S1 = 1,
    S30 = 2,
    M5 = 3,
    M1 = 4,
    M15 = 5,
    H1 = 6,
    H4 = 7,
    D1 = 8,
}
