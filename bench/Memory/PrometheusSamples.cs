using System.Globalization;

namespace Spin.Bench.Memory;

/// <summary>The samples of a Prometheus text exposition (what the product's <c>/metrics</c> serves), by series name.</summary>
public sealed class PrometheusSamples
{
    private readonly List<(string Series, string Labels, double Value)> _samples = [];

    private PrometheusSamples(string text)
    {
        foreach (var line in text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var nameEnd = line.IndexOfAny(['{', ' ']);
            if (line.StartsWith('#') || nameEnd <= 0)
            {
                continue;
            }

            // Labels may contain spaces inside quotes; the value follows the closing brace.
            var labelsEnd = line[nameEnd] == '{' ? line.LastIndexOf('}') + 1 : nameEnd;
            var value = line[labelsEnd..].Trim().Split(' ')[0];
            _samples.Add((line[..nameEnd], line[nameEnd..labelsEnd], double.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture)));
        }
    }

    /// <summary>Parses the text.</summary>
    public static PrometheusSamples Parse(string text) => new(text);

    /// <summary>The sum of every sample of <paramref name="series"/>, or null when there is none.</summary>
    public double? Sum(string series)
    {
        var values = _samples.Where(s => s.Series == series).Select(s => s.Value).ToList();
        return values.Count == 0 ? null : values.Sum();
    }

    /// <summary>The samples of <paramref name="series"/> by the value of one of their labels.</summary>
    public Dictionary<string, double> ByLabel(string series, string label)
    {
        var prefix = $"{label}=\"";
        var result = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (_, labels, value) in _samples.Where(s => s.Series == series))
        {
            var start = labels.IndexOf(prefix, StringComparison.Ordinal);
            if (start >= 0)
            {
                start += prefix.Length;
                var key = labels[start..labels.IndexOf('"', start)];
                result[key] = result.GetValueOrDefault(key) + value;
            }
        }

        return result;
    }
}
