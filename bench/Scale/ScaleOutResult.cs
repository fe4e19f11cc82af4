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

    /// <inheritdoc />
    public override string ToString()
    {
        var cpu = Window.Cpu;
        var processes = string.Join(", ", cpu.ProcessPercent.Select(p => $"{p.Key} {(p.Value is { } v ? $"{v:F0}%" : "n/a")}"));
        var machine = cpu.MachinePercent is { } m ? $"{m:F0}% of {Environment.ProcessorCount} cores" : "n/a";
        return string.Create(CultureInfo.InvariantCulture,
            $"{Silos} silo{(Silos == 1 ? "" : "s")}: {Window.Events:N0} live events in {Window.Elapsed.TotalSeconds:F2} s = {Rate:N0} events/s; " +
            $"CPU of a core: {processes}; the processes together {Cores:F2} cores; the whole machine busy {machine}");
    }
}
