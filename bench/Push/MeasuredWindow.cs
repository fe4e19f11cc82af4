using System.Diagnostics;

namespace Spin.Bench.Push;

/// <summary>The measured interval of a run (Stopwatch ticks), the CPU used during it, whether every client then saw
/// an event emitted after it (the drain), and the machine's 1-minute load average before and after.</summary>
public sealed record MeasuredWindow(long From, long To, CpuUse Cpu, bool Drained, string LoadBefore, string LoadAfter)
{
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Lets the stream warm up, measures for <paramref name="seconds"/>, then waits for the last
    /// emissions of the window to be delivered.</summary>
    public static async Task<MeasuredWindow> MeasureAsync(ClientFleet fleet, int seconds, IReadOnlyDictionary<string, int?> pids)
    {
        await Task.Delay(PushBenchOptions.Warmup);
        var loadBefore = LoadAverage();
        var cpuFrom = CpuSampler.Take(pids);
        var from = Stopwatch.GetTimestamp();
        await Task.Delay(TimeSpan.FromSeconds(seconds));
        var to = Stopwatch.GetTimestamp();
        var cpu = CpuSampler.Between(cpuFrom, CpuSampler.Take(pids));
        var loadAfter = LoadAverage();
        var drained = await fleet.DrainAsync(to, DrainTimeout);
        return new MeasuredWindow(from, to, cpu, drained, loadBefore, loadAfter);
    }

    /// <summary>The window's length in seconds.</summary>
    public double Seconds => Emission.Ms(From, To) / 1000;

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";
}
