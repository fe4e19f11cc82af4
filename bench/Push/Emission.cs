using System.Diagnostics;

namespace Spin.Bench.Push;

/// <summary>A transaction as the bench saw the simulator emit it: the arrival of its <c>logsNotification</c>
/// (<see cref="Stopwatch"/> ticks), its slot, and whether it failed.</summary>
public sealed record Emission(string Signature, ulong Slot, bool Failed, long Ticks)
{
    private static readonly long AnchorTicks = Stopwatch.GetTimestamp();
    private static readonly double AnchorUnixMs = (DateTime.UtcNow - DateTime.UnixEpoch).TotalMilliseconds;

    /// <summary>Unix milliseconds of <see cref="Ticks"/>, to compare with the servers' <c>sent_at</c>.</summary>
    public double UnixMs => ToUnixMs(Ticks);

    /// <summary>Unix milliseconds of a <see cref="Stopwatch"/> timestamp of this process.</summary>
    public static double ToUnixMs(long ticks) => AnchorUnixMs + (ticks - AnchorTicks) * 1000.0 / Stopwatch.Frequency;

    /// <summary>Milliseconds between two <see cref="Stopwatch"/> timestamps.</summary>
    public static double Ms(long from, long to) => (to - from) * 1000.0 / Stopwatch.Frequency;
}
