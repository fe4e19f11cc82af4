using System.Globalization;

namespace Spin.Bench.Ingest;

/// <summary>The bench's command line: chain size, runs, the live stream's rate and the baseline's batch size.</summary>
public sealed record IngestOptions(int Transactions, int Mints, int Runs, int Rate, int BaselineBatch)
{
    /// <summary>Parses <c>--transactions --mints --runs --rate --baseline-batch</c>.</summary>
    public static IngestOptions Parse(string[] args)
    {
        int Get(string name, int fallback)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
        }

        return new IngestOptions(Get("--transactions", 20_000), Get("--mints", 50), Get("--runs", 3), Get("--rate", 5_000),
            Get("--baseline-batch", 1_000));
    }
}
