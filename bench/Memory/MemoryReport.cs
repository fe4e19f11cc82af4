using System.Globalization;

namespace Spin.Bench.Memory;

/// <summary>The figures this bench hands the harness: resident memory of the product after indexing N mints and after
/// its idle grains were deactivated, each against the empty product of the same run, per mint, and the activations.</summary>
public static class MemoryReport
{
    /// <summary>The target column of every figure: the issue asks for the figures, with no bound.</summary>
    public const string Target = "report";

    private const string Empty = "empty product, same run";
    private const double MiB = 1024 * 1024;

    /// <summary>The result; without a measurement (the run failed before it), only the set-up and the failures.</summary>
    public static BenchResult Result(MemoryOptions o, MemoryMeasurement? m, IReadOnlyList<string> failures)
    {
        var figures = new List<BenchFigure>();
        if (m is not null)
        {
            figures.Add(Rss($"RSS after indexing {m.Mints:N0} mints", m.Indexed, m));
            figures.Add(PerMint("RSS per mint after indexing, over the empty product", m.BytesPerMint(m.Indexed)));
            figures.Add(new BenchFigure("peak RSS while indexing (VmHWM)", "MiB", [m.Indexed.PeakRssBytes / MiB], [m.Empty.RssBytes / MiB], Empty,
                HigherIsBetter: false, TargetText: Target));
            figures.Add(Count("grain activations created since the start, at the end of indexing", m.Indexed.TotalCreated));
            figures.Add(Count("grain activations live after indexing", m.Indexed.TotalActivations));
            if (m.Idle is { } idle)
            {
                figures.Add(Rss("RSS after idle deactivation", idle, m));
                figures.Add(PerMint("RSS per mint after idle deactivation, over the empty product", m.BytesPerMint(idle)));
                figures.Add(Count("grain activations live after idle deactivation", idle.TotalActivations));
            }
        }

        return new BenchResult("memory", Setup(o, m), figures, m?.Notes().ToList() ?? [], failures);
    }

    private static BenchFigure Rss(string name, MemorySnapshot snapshot, MemoryMeasurement m) =>
        new(name, "MiB", [snapshot.RssBytes / MiB], [m.Empty.RssBytes / MiB], Empty, HigherIsBetter: false, TargetText: Target);

    private static BenchFigure PerMint(string name, double bytes) =>
        new(name, "bytes", [bytes], [], null, HigherIsBetter: false, TargetText: Target);

    private static BenchFigure Count(string name, double activations) =>
        new(name, "activations", [activations], [], null, HigherIsBetter: false, TargetText: Target);

    private static string Setup(MemoryOptions o, MemoryMeasurement? m)
    {
        var events = m is null ? "?" : m.Events.ToString("N0", CultureInfo.InvariantCulture);
        return string.Create(CultureInfo.InvariantCulture,
            $"the standalone product (Gateway co-hosting the silo, RocksDB in a temporary directory, metadata off) indexes the " +
            $"simulator's prefill of {o.Prefill:N0} transactions ({events} events) over {o.Mints:N0} mints " +
            $"(seed {o.Seed}), with Spin:Grains:CollectionAge {o.CollectionAge.TotalSeconds:F0} s; RSS is VmRSS of /proc/<pid>/status, " +
            $"taken right after every event was counted (grains idle for a collection age were already deactivated by then, " +
            $"so the peak, VmHWM, is reported too) and checked ({o.Sample} sampled mints' event counts and the /api/mints total " +
            $"against the truth), then again as soon as orleans_catalog_activations shows no mint or user grain left (nothing " +
            $"forced: no GC, no call); the empty product is a separate product process of the same run against a chain without " +
            $"SpinPet transactions, measured once its listener is connected; runs: 1");
    }
}
