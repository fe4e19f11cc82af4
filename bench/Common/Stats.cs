namespace Spin.Bench;

/// <summary>Medians and nearest-rank percentiles, the only statistics the benches report.</summary>
public static class Stats
{
    /// <summary>The median (the mean of the two middle values for an even count); NaN when there are none.</summary>
    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        if (sorted.Count == 0)
        {
            return double.NaN;
        }

        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    /// <summary>Nearest rank: the smallest sample with at least <paramref name="p"/> of the samples at or below it
    /// (<paramref name="sorted"/> must be sorted ascending; NaN when empty).</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}
