using System.Globalization;
using System.Text;

namespace Spin.Gateway.Api;

/// <summary>The strftime subset spin-server's clients use; null for an unsupported specifier.</summary>
public static class Strftime
{
    /// <summary>Formats <paramref name="time"/> or returns null when the format has an unknown specifier.</summary>
    public static string? Format(DateTimeOffset time, string format, TimeZoneInfo zone)
    {
        var result = new StringBuilder();
        for (var i = 0; i < format.Length; i++)
        {
            if (format[i] != '%')
            {
                result.Append(format[i]);
                continue;
            }

            if (++i >= format.Length || Specifier(time, format[i], zone) is not { } part)
            {
                return null;
            }

            result.Append(part);
        }

        return result.ToString();
    }

    private static string? Specifier(DateTimeOffset t, char c, TimeZoneInfo zone) => c switch
    {
        'Y' => t.ToString("yyyy", CultureInfo.InvariantCulture),
        'y' => t.ToString("yy", CultureInfo.InvariantCulture),
        'm' => t.ToString("MM", CultureInfo.InvariantCulture),
        'd' => t.ToString("dd", CultureInfo.InvariantCulture),
        'H' => t.ToString("HH", CultureInfo.InvariantCulture),
        'M' => t.ToString("mm", CultureInfo.InvariantCulture),
        'S' => t.ToString("ss", CultureInfo.InvariantCulture),
        'b' => t.ToString("MMM", CultureInfo.InvariantCulture),
        'B' => t.ToString("MMMM", CultureInfo.InvariantCulture),
        'a' => t.ToString("ddd", CultureInfo.InvariantCulture),
        'A' => t.ToString("dddd", CultureInfo.InvariantCulture),
        'j' => t.DayOfYear.ToString("000", CultureInfo.InvariantCulture),
        'z' => t.ToString("zzz", CultureInfo.InvariantCulture).Replace(":", string.Empty, StringComparison.Ordinal),
        'Z' => zone == TimeZoneInfo.Utc || zone.Id is "UTC" or "Etc/UTC" ? "UTC" : zone.StandardName,
        '%' => "%",
        _ => null,
    };
}
