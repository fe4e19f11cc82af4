using Xunit.Abstractions;

namespace Spin.Cluster.Tests.Failover;

/// <summary>Issue 20: two silos that do not hold the listener are SIGKILLed one after the other mid-stream, each started
/// again on its own data 10 s after its kill; afterwards every view on every gateway (mints, candles, orders, every
/// user's history and orders, the catalog through its cursors) equals the truth and SignalR subscribers got every event
/// once.</summary>
[Collection(FailoverCollection.Name)]
public sealed class SequentialKillTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(-5, 71)] // the second kill before the first silo is back: two silos down at once
    [InlineData(1, 72)] // right after it answers again, during its catch-up
    [InlineData(10, 73)] // well after its catch-up
    public Task EveryViewEqualsTheTruthAfterTwoSilosAreKilledOneAfterTheOther(int secondKillAfterFirstBack, int seed) =>
        DoubleFailure.RunAsync(output, nameof(EveryViewEqualsTheTruthAfterTwoSilosAreKilledOneAfterTheOther), seed, secondKillAfterFirstBack,
            replaceDisk: false);
}
