using Xunit.Abstractions;

namespace Spin.Cluster.Tests.Failover;

/// <summary>Issue 20: a silo that does not hold the listener is SIGKILLed mid-stream and loses its disk (its data
/// directory is deleted), starting again empty 10 s later; the other silo without the listener is SIGKILLed around its
/// return and started again on its own data 10 s after. Afterwards every view on every gateway (mints, candles, orders,
/// every user's history and orders, the catalog through its cursors) equals the truth and SignalR subscribers got every
/// event once.</summary>
[Collection(FailoverCollection.Name)]
public sealed class DiskLossTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(-5, 81)] // the second kill before the emptied silo is back: two silos down at once
    [InlineData(1, 82)] // right after it answers again, while it is still catching up
    [InlineData(10, 83)] // well after its catch-up
    public Task EveryViewEqualsTheTruthAfterASiloRestartsWithoutItsDiskAndAnotherIsKilled(int secondKillAfterFirstBack, int seed) =>
        DoubleFailure.RunAsync(output, nameof(EveryViewEqualsTheTruthAfterASiloRestartsWithoutItsDiskAndAnotherIsKilled), seed,
            secondKillAfterFirstBack, replaceDisk: true);
}
