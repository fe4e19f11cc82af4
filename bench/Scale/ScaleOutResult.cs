using System.Globalization;
using Spin.Bench.Push;

namespace Spin.Bench.Scale;

/// <summary>One cluster size's measurement in one run: the live events applied, over how long, and the CPU the
/// cluster's processes and the whole machine used meanwhile.</summary>
public sealed record ScaleOutResult(int Silos, IngestWindow Window)
{
    /// <summary>Events/s decoded, applied and durable.</summary>
    public double Rate => Window.Rate;

    /// <summary>Cores the cluster's processes (silos, gateway, simulator) kept busy, summed.</summary>
    public double Cores => Window.Cpu.ProcessPercent.Values.Sum(p => p ?? 0) / 100;

    /// <summary>A window this short holds a batch or two: its rate says little, however the cluster scales.</summary>
    public static readonly TimeSpan ShortWindow = TimeSpan.FromSeconds(1);

    /// <inheritdoc />
    public override string ToString()
    {
        var cpu = Window.Cpu;
        var processes = string.Join(", ", cpu.ProcessPercent.Select(p => $"{p.Key} {(p.Value is { } v ? $"{v:F0}%" : "n/a")}"));
        var machine = cpu.MachinePercent is { } m ? $"{m:F0}% of {Environment.ProcessorCount} cores" : "n/a";
        var tooShort = Window.Elapsed < ShortWindow ? $"; under {ShortWindow.TotalSeconds:F0} s, too short to compare (give more --transactions)" : "";
        return string.Create(CultureInfo.InvariantCulture,
            $"{ScaleOutRun.Silos(Silos)}: {Window.Events:N0} live events in {Window.Elapsed.TotalSeconds:F2} s = {Rate:N0} events/s; " +
            $"CPU of a core: {processes}; the processes together {Cores:F2} cores; the whole machine busy {machine}{tooShort}");
    }
}
