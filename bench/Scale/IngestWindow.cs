using Spin.Bench.Push;

namespace Spin.Bench.Scale;

/// <summary>The clock's window over the live events: how many were applied between two samples, and the CPU snapshots
/// taken with those samples.</summary>
public sealed record IngestWindow(long Events, CpuSnapshot From, CpuSnapshot To)
{
    /// <summary>The window's length.</summary>
    public TimeSpan Elapsed => To.At - From.At;

    /// <summary>Events applied per second.</summary>
    public double Rate => Events / Elapsed.TotalSeconds;

    /// <summary>CPU use over the window, per process and of the machine.</summary>
    public CpuUse Cpu => CpuSampler.Between(From, To);
}
