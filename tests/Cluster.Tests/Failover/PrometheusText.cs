using System.Globalization;

namespace Spin.Cluster.Tests.Failover;

/// <summary>Reads the Prometheus text exposition format (what <c>/metrics</c> serves).</summary>
public static class PrometheusText
{
    /// <summary>The sum of every sample of <paramref name="series"/> over all its label sets, or null when the text
    /// holds no sample of it.</summary>
    public static double? Sum(string text, string series)
    {
        double? sum = null;
        foreach (var line in text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.StartsWith('#'))
            {
                continue;
            }

            var nameEnd = line.IndexOfAny(['{', ' ']);
            if (nameEnd <= 0 || !line.AsSpan(0, nameEnd).SequenceEqual(series))
            {
                continue;
            }

            // Labels may contain spaces inside quotes; the value follows the closing brace.
            var rest = line[nameEnd] == '{' ? line[(line.LastIndexOf('}') + 1)..] : line[nameEnd..];
            var value = rest.Trim().Split(' ')[0];
            sum = (sum ?? 0) + double.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture);
        }

        return sum;
    }
}
