using System.Globalization;

namespace Spin.Bench.Paging;

/// <summary>The bench's command line: data set size, timed requests per page, page size and where to write the report.</summary>
public sealed record PagingOptions(int Mints, int Events, int Requests, int Warmup, int Limit, int Concurrency, string? WritePath)
{
    /// <summary>Parses <c>--mints --events --requests --warmup --limit --concurrency --write</c>.</summary>
    public static PagingOptions Parse(string[] args)
    {
        string? Text(string name)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        }

        int Number(string name, int fallback, int min) =>
            Text(name) is { } text ? Math.Max(min, int.Parse(text, CultureInfo.InvariantCulture)) : fallback;

        return new PagingOptions(
            Number("--mints", 100_000, 2),
            Number("--events", 100_000, 2),
            Number("--requests", 300, 1),
            Number("--warmup", 30, 0),
            Number("--limit", 100, 1),
            Number("--concurrency", 64, 1),
            Text("--write"));
    }
}
