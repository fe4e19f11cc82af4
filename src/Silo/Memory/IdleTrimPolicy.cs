namespace Spin.Silo.Memory;

/// <summary>Decides, once per check, whether the silo should hand the memory of its deactivated grains back to the
/// operating system: only when enough grains were deactivated since the last trim and the process is idle (it allocated
/// little since the previous check), so that a full compacting collection never pauses a busy silo.</summary>
public sealed class IdleTrimPolicy(int minDeactivations, long idleAllocationBytes)
{
    private long? _lastAllocated;

    /// <summary>Whether to trim now, given the grains deactivated since the last trim and the bytes the process has
    /// allocated in its lifetime (<see cref="GC.GetTotalAllocatedBytes(bool)"/>). The first check only takes a reading.</summary>
    public bool ShouldTrim(long deactivatedSinceTrim, long totalAllocatedBytes)
    {
        var previous = _lastAllocated;
        _lastAllocated = totalAllocatedBytes;
        return previous is { } last && minDeactivations > 0 && deactivatedSinceTrim >= minDeactivations
            && totalAllocatedBytes - last <= idleAllocationBytes;
    }
}
