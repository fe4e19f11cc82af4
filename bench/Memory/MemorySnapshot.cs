using System.Globalization;
using Spin.Gateway.Tests.Infrastructure;

namespace Spin.Bench.Memory;

/// <summary>The product process's memory at one moment: resident set, its anonymous part (heaps: managed and native, such
/// as RocksDB's memtables and block cache) and its peak (<c>/proc/&lt;pid&gt;/status</c>), the
/// GC heap after the last collection and the memory the GC had committed then, and Orleans' live grain activations and
/// the activations it created since start, by grain type (all from its <c>/metrics</c>).</summary>
public sealed record MemorySnapshot(long RssBytes, long AnonymousRssBytes, long PeakRssBytes, double? GcHeapBytes, double? GcCommittedBytes,
    IReadOnlyDictionary<string, double> Activations, IReadOnlyDictionary<string, double> Created)
{
    /// <summary>Orleans' gauge of live activations per grain type.</summary>
    public const string ActivationSeries = "orleans_catalog_activations";

    private const double MiB = 1024 * 1024;

    /// <summary>Every activation, system targets included.</summary>
    public double TotalActivations => Activations.Values.Sum();

    /// <summary>Every activation created since the process started (Orleans counts the grains', not its system targets').</summary>
    public double TotalCreated => Created.Values.Sum();

    /// <summary>Activations of one of the product's grain types (Orleans' short names: <c>mint</c>, <c>user</c>, ...).</summary>
    public double ActivationsOf(string grainType) => Activations.GetValueOrDefault(grainType);

    /// <summary>Reads the process's status file and scrapes its metrics.</summary>
    public static async Task<MemorySnapshot> TakeAsync(GatewayProcess product)
    {
        var metrics = PrometheusSamples.Parse(await product.Http.GetStringAsync("metrics"));
        var status = await File.ReadAllLinesAsync($"/proc/{product.Process.Id}/status");
        return new MemorySnapshot(Kilobytes(status, "VmRSS") * 1024, Kilobytes(status, "RssAnon") * 1024, Kilobytes(status, "VmHWM") * 1024,
            metrics.Sum("dotnet_gc_last_collection_heap_size_bytes"), metrics.Sum("dotnet_gc_last_collection_memory_committed_size_bytes"),
            metrics.ByLabel(ActivationSeries, "grain_type"), metrics.ByLabel("orleans_catalog_activation_created_total", "grain_type"));
    }

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"RSS {RssBytes / MiB:F1} MiB (anonymous {AnonymousRssBytes / MiB:F1} MiB, peak {PeakRssBytes / MiB:F1} MiB), GC heap {Format(GcHeapBytes)} (committed {Format(GcCommittedBytes)}); " +
        $"{TotalActivations:N0} activations: {string.Join(", ", Activations.Where(a => a.Value > 0 && !a.Key.StartsWith("sys.", StringComparison.Ordinal)).OrderByDescending(a => a.Value).Select(a => $"{a.Key} {a.Value:N0}"))}" +
        $", system targets {Activations.Where(a => a.Key.StartsWith("sys.", StringComparison.Ordinal)).Sum(a => a.Value):N0}; " +
        $"{TotalCreated:N0} created since start: {string.Join(", ", Created.OrderByDescending(a => a.Value).Select(a => $"{a.Key} {a.Value:N0}"))}");

    private static string Format(double? bytes) => bytes is { } b ? string.Create(CultureInfo.InvariantCulture, $"{b / MiB:F1} MiB") : "n/a";

    private static long Kilobytes(string[] status, string field)
    {
        var line = status.FirstOrDefault(l => l.StartsWith($"{field}:", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"/proc status has no {field}");
        return long.Parse(line[(field.Length + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
    }
}
