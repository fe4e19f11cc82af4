using Spin.Silo.Memory;

namespace Spin.Gateway.Tests.Hosting;

/// <summary>When the silo hands memory back: enough deactivations since the last trim, and an idle check interval.</summary>
public sealed class IdleTrimPolicyTests
{
    private const long Idle = 64L * 1024 * 1024;

    [Fact]
    public void TheFirstCheckOnlyTakesAReading()
    {
        var policy = new IdleTrimPolicy(minDeactivations: 10, Idle);

        Assert.False(policy.ShouldTrim(deactivatedSinceTrim: 1000, totalAllocatedBytes: 5));
        Assert.True(policy.ShouldTrim(deactivatedSinceTrim: 1000, totalAllocatedBytes: 6));
    }

    [Fact]
    public void TrimsOnlyAfterEnoughDeactivations()
    {
        var policy = new IdleTrimPolicy(minDeactivations: 10, Idle);
        policy.ShouldTrim(0, 0);

        Assert.False(policy.ShouldTrim(deactivatedSinceTrim: 9, totalAllocatedBytes: 1));
        Assert.True(policy.ShouldTrim(deactivatedSinceTrim: 10, totalAllocatedBytes: 2));
    }

    [Fact]
    public void WaitsWhileTheProcessAllocatesMoreThanAnIdleOne()
    {
        var policy = new IdleTrimPolicy(minDeactivations: 10, Idle);
        policy.ShouldTrim(0, 0);

        Assert.False(policy.ShouldTrim(deactivatedSinceTrim: 500, totalAllocatedBytes: Idle + 1));
        Assert.True(policy.ShouldTrim(deactivatedSinceTrim: 500, totalAllocatedBytes: 2 * Idle + 1));
    }

    [Fact]
    public void NeverTrimsWhenTurnedOff()
    {
        var policy = new IdleTrimPolicy(minDeactivations: 0, Idle);
        policy.ShouldTrim(0, 0);

        Assert.False(policy.ShouldTrim(deactivatedSinceTrim: 0, totalAllocatedBytes: 0));
        Assert.False(policy.ShouldTrim(deactivatedSinceTrim: 1_000_000, totalAllocatedBytes: 1));
    }
}
