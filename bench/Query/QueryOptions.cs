using System.Globalization;

namespace Spin.Bench.Query;

/// <summary>The bench's command line: the data set (simulator chain), the offered load and how long and how often;
/// <see cref="InjectFailure"/> alters one recorded answer so that the product's answers to it fail the check.</summary>
public sealed record QueryOptions(int Transactions, int Mints, int Rate, int Seconds, int WarmupSeconds, int Runs, bool Baseline, bool InjectFailure)
{
    /// <summary>Parses <c>--transactions --mints --rate --seconds --warmup --runs --no-baseline --inject-failure</c>.</summary>
    public static QueryOptions Parse(string[] args)
    {
        int Number(string name, int fallback, int min)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? Math.Max(min, int.Parse(args[i + 1], CultureInfo.InvariantCulture)) : fallback;
        }

        return new QueryOptions(
            Number("--transactions", 20_000, 10),
            Number("--mints", 50, 1),
            Number("--rate", 5_000, 1),
            Number("--seconds", 30, 1),
            Number("--warmup", 5, 0),
            Number("--runs", 3, 1),
            !args.Contains("--no-baseline"),
            args.Contains("--inject-failure"));
    }
}
