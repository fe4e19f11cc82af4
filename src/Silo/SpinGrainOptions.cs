using System.ComponentModel.DataAnnotations;

namespace Spin.Silo;

/// <summary>How long grains stay in memory (<c>Spin:Grains</c>).</summary>
public sealed class SpinGrainOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Spin:Grains";

    /// <summary>Orleans' own collection quantum, the longest this silo waits between two idle-grain collections.</summary>
    public static readonly TimeSpan MaxCollectionQuantum = TimeSpan.FromMinutes(1);

    /// <summary>A grain no call reached for this long is deactivated, its memory freed (Orleans' default is 15 minutes);
    /// its state stays in the store and the next call activates it again.</summary>
    [Range(typeof(TimeSpan), "00:00:02", "1.00:00:00")]
    public TimeSpan CollectionAge { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>After this many grain deactivations, the first check that finds the silo idle runs one full collection
    /// that hands their memory back to the operating system (0: never).</summary>
    [Range(0, int.MaxValue)]
    public int TrimAfterDeactivations { get; set; } = 1000;

    /// <summary>The most a silo may allocate between two checks (<see cref="CollectionQuantum"/>) and still count as idle.</summary>
    [Range(1L, long.MaxValue)]
    public long IdleAllocationBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>How often idle grains are collected: Orleans' minute, or half the age when that is shorter (Orleans needs
    /// the age above the quantum), so a grain is deactivated one to two ages after its last call.</summary>
    public TimeSpan CollectionQuantum => CollectionAge / 2 < MaxCollectionQuantum ? CollectionAge / 2 : MaxCollectionQuantum;
}
