namespace Spin.Grains.Interfaces.Candles;

/// <summary>Names and lengths of the candle intervals.</summary>
public static class CandleIntervals
{
    /// <summary>Every interval.</summary>
    public static readonly IReadOnlyList<CandleInterval> All = Enum.GetValues<CandleInterval>();

    /// <summary>The API names, in the order the API lists them.</summary>
    public static readonly IReadOnlyList<string> Names = ["s1", "s30", "m5", "m1", "m15", "h1", "h4", "d1"];

    /// <summary>The interval's length in seconds.</summary>
    public static long Seconds(this CandleInterval interval) => interval switch
    {
        CandleInterval.S1 => 1,
        CandleInterval.S30 => 30,
        CandleInterval.M5 => 300,
        CandleInterval.M1 => 60,
        CandleInterval.M15 => 900,
        CandleInterval.H1 => 3_600,
        CandleInterval.H4 => 14_400,
        _ => 86_400,
    };

    /// <summary>The API name (<c>s30</c>).</summary>
    public static string Name(this CandleInterval interval) => Names[(int)interval - 1];

    /// <summary>Parses an API name.</summary>
    public static bool TryParse(string? name, out CandleInterval interval)
    {
        var index = name is null ? -1 : Names.ToList().IndexOf(name);
        interval = (CandleInterval)(index + 1);
        return index >= 0;
    }

    /// <summary>The start of the bucket holding <paramref name="time"/>, aligned to the Unix epoch.</summary>
    public static long BucketOf(this CandleInterval interval, long time) => time - (((time % interval.Seconds()) + interval.Seconds()) % interval.Seconds());
}
