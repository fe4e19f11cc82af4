namespace Spin.Bench.Push;

/// <summary>Percentiles of a series of latencies in milliseconds (nearest rank).</summary>
public sealed record LatencySummary(int Count, double P50, double P90, double P99, double Max)
{
    /// <summary>Summarizes the samples (all zero when there are none).</summary>
    public static LatencySummary Of(List<double> samples)
    {
        if (samples.Count == 0)
        {
            return new LatencySummary(0, 0, 0, 0, 0);
        }

        samples.Sort();
        double Rank(double p) => samples[Math.Max(0, (int)Math.Ceiling(p * samples.Count) - 1)];
        return new LatencySummary(samples.Count, Rank(0.50), Rank(0.90), Rank(0.99), samples[^1]);
    }
}
