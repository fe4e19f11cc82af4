using System.Globalization;

namespace Spin.Bench.Memory;

/// <summary>The bench's command line: how many mints, how many transactions per mint the prefill holds, how many mints
/// are checked against the truth, and the grain collection age the product runs with.</summary>
public sealed record MemoryOptions(int Mints, int TransactionsPerMint, int Sample, TimeSpan CollectionAge, int Seed)
{
    /// <summary>The simulator's prefill: it launches a mint in about one transaction of four until it has them all, so
    /// six transactions per mint create every mint with room to spare and leave a few events on each.</summary>
    public int Prefill => Mints * TransactionsPerMint;

    /// <summary>Parses <c>--mints --transactions-per-mint --sample --collection-age (seconds) --seed</c>.</summary>
    public static MemoryOptions Parse(string[] args)
    {
        int Get(string name, int fallback)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
        }

        return new MemoryOptions(Get("--mints", 100_000), Get("--transactions-per-mint", 6), Get("--sample", 200),
            TimeSpan.FromSeconds(Get("--collection-age", 20)), Get("--seed", 71));
    }
}
