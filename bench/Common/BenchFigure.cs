using System.Globalization;
using System.Text.Json.Serialization;

namespace Spin.Bench;

/// <summary>One headline figure of a bench: the product's value in each run, the baseline's value in the same runs
/// (index for index), and the targets on the value and on the ratio product ÷ baseline (or, for a figure that is only
/// reported, the words its target column shows instead, e.g. "report").</summary>
public sealed record BenchFigure(
    string Name,
    string Unit,
    IReadOnlyList<double> Product,
    IReadOnlyList<double> Baseline,
    string? BaselineName,
    bool HigherIsBetter,
    double? Target = null,
    double? RatioTarget = null,
    string? TargetText = null)
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>The median of the product's runs.</summary>
    [JsonIgnore]
    public double ProductMedian => Stats.Median(Product);

    /// <summary>The median of the baseline's runs, if it ran.</summary>
    [JsonIgnore]
    public double? BaselineMedian => Baseline.Count == 0 ? null : Stats.Median(Baseline);

    /// <summary>The median of the per-run ratios product ÷ baseline: each pair ran back to back, so the ratio cancels
    /// part of a shared machine's noise.</summary>
    [JsonIgnore]
    public double? Ratio
    {
        get
        {
            var ratios = Product.Zip(Baseline).Where(p => p.Second > 0).Select(p => p.First / p.Second).ToList();
            return ratios.Count == 0 ? null : Stats.Median(ratios);
        }
    }

    /// <summary>Whether the product's median meets <see cref="Target"/> (null without one).</summary>
    [JsonIgnore]
    public bool? TargetMet => Target is { } t ? (HigherIsBetter ? ProductMedian >= t : ProductMedian <= t) : null;

    /// <summary>Whether the ratio meets <see cref="RatioTarget"/> (a share of the baseline's throughput, or at most
    /// a multiple of its latency).</summary>
    [JsonIgnore]
    public bool? RatioMet => RatioTarget is { } t && Ratio is { } r ? (HigherIsBetter ? r >= t : r <= t) : null;

    /// <summary>The target and how far off it the product is, e.g. "≥ 50,000: missed by 44,000 (12% of it)".</summary>
    public string DescribeTarget()
    {
        if (Target is not { } target)
        {
            return TargetText ?? "";
        }

        var sign = HigherIsBetter ? "≥" : "≤";
        var gap = Math.Abs(ProductMedian - target);
        return TargetMet == true
            ? $"{sign} {Format(target)}: met"
            : $"{sign} {Format(target)}: missed by {Format(gap)} ({Shortfall(target)})";
    }

    /// <summary>The ratio and its target, e.g. "0.08 (target ≥ 0.50: missed)".</summary>
    public string DescribeRatio()
    {
        if (Ratio is not { } ratio)
        {
            return "";
        }

        var text = ratio.ToString(ratio < 10 ? "F2" : "F0", Invariant);
        return RatioTarget is { } t ? $"{text} (target {(HigherIsBetter ? "≥" : "≤")} {t.ToString("F2", Invariant)}: {(RatioMet == true ? "met" : "missed")})" : text;
    }

    private string Shortfall(double target) => HigherIsBetter
        ? $"{(100 * ProductMedian / target).ToString("F0", Invariant)}% of the target"
        : $"{(ProductMedian / target).ToString("F1", Invariant)}× the target";

    /// <summary>A value in this figure's unit: thousands separated, two decimals under 100.</summary>
    public static string Format(double value) => value.ToString(Math.Abs(value) < 100 ? "N2" : "N0", Invariant);
}
