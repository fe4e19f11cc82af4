using System.Globalization;

namespace Spin.Bench.Memory;

/// <summary>What one run observed: the empty product, the product right after indexing the prefill, and the same
/// process once its idle grains were deactivated (null when they were not within the timeout).</summary>
public sealed record MemoryMeasurement(MemorySnapshot Empty, MemorySnapshot Indexed, MemorySnapshot? Idle, int Mints, long Events,
    TimeSpan Indexing, TimeSpan? Deactivation)
{
    /// <summary>Resident bytes per mint over the empty product's.</summary>
    public double BytesPerMint(MemorySnapshot snapshot) => (double)(snapshot.RssBytes - Empty.RssBytes) / Mints;

    /// <summary>One line per snapshot, for the report's notes.</summary>
    public IEnumerable<string> Notes()
    {
        yield return $"empty product (no mints, listener connected): {Empty}";
        yield return string.Create(CultureInfo.InvariantCulture,
            $"after indexing {Mints:N0} mints ({Events:N0} events, {Indexing.TotalSeconds:F0} s): {Indexed}");
        yield return Idle is null
            ? "the product's mint and user grains were not deactivated within the timeout"
            : string.Create(CultureInfo.InvariantCulture, $"after idle deactivation ({Deactivation!.Value.TotalSeconds:F0} s after indexing): {Idle}");
    }
}
