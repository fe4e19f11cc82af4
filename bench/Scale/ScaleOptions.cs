using System.Globalization;

namespace Spin.Bench.Scale;

/// <summary>The bench's command line: the scale-out stream (transactions, mints, rate), the largest cluster, the runs,
/// and the slower stream during which a silo is killed.</summary>
public sealed record ScaleOptions(int Transactions, int Mints, int Rate, int MaxSilos, int Runs, int RecoveryTransactions, int RecoveryRate)
{
    /// <summary>Parses <c>--transactions --mints --rate --silos --runs --recovery-transactions --recovery-rate</c>.</summary>
    public static ScaleOptions Parse(string[] args)
    {
        int Get(string name, int fallback)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
        }

        var options = new ScaleOptions(Get("--transactions", 5_000), Get("--mints", 20), Get("--rate", 5_000), Get("--silos", 3), Get("--runs", 3),
            Get("--recovery-transactions", 1_200), Get("--recovery-rate", 40));
        return options.MaxSilos is >= 1 and <= 9 && options.Runs >= 1
            ? options
            : throw new ArgumentException("--silos must be 1 to 9 and --runs at least 1.");
    }
}
