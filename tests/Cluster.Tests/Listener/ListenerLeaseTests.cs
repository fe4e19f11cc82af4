using System.Diagnostics;
using Spin.Cluster.Tests.Infrastructure;
using Spin.Gateway.Tests.Infrastructure;
using Spin.Silo.Ingest;

namespace Spin.Cluster.Tests.Listener;

/// <summary>The listener lease against a real PostgreSQL: one holder at a time, takeover after expiry with a higher
/// fencing token, and cursor writes fenced by that token.</summary>
public sealed class ListenerLeaseTests
{
    private const string ServiceId = "spin-test";
    private const string ProgramId = "JBMmrp6jhksqnxDBskkmVvWHhJLaPBjgiMHEroJbUTBZ";
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task OnlyOneOfTwoSilosAcquiresAFreeLease()
    {
        await using var database = await TestDatabase.CreateAsync();
        using var a = Lease(database, "silo-a");
        using var b = Lease(database, "silo-b");

        var acquired = await Task.WhenAll(a.TryAcquireAsync(CancellationToken.None), b.TryAcquireAsync(CancellationToken.None));

        Assert.Single(acquired, held => held);
        var (winner, loser) = acquired[0] ? (a, b) : (b, a);
        Assert.False(await loser.TryAcquireAsync(CancellationToken.None));
        Assert.Equal(winner.Holder, loser.CurrentHolder);
        Assert.Equal(winner.Holder, winner.CurrentHolder);
        Assert.Equal(1, winner.Token);
        Assert.Equal(0, loser.Token);
    }

    [Fact]
    public async Task RenewingKeepsTheLeaseAndItsTokenPastItsDuration()
    {
        await using var database = await TestDatabase.CreateAsync();
        using var a = Lease(database, "silo-a");
        using var b = Lease(database, "silo-b");
        Assert.True(await a.TryAcquireAsync(CancellationToken.None));

        var renewing = Stopwatch.StartNew();
        while (renewing.Elapsed < Duration * 2)
        {
            // Pacing of the renewals, as the listener renews every third of the lease, not a wait for anything.
            await Task.Delay(Duration / 4);
            Assert.True(await a.TryAcquireAsync(CancellationToken.None));
            Assert.False(await b.TryAcquireAsync(CancellationToken.None));
        }

        Assert.Equal(1, a.Token);
        Assert.Equal(1, a.Takeovers);
        Assert.Equal("silo-a", b.CurrentHolder);
    }

    [Fact]
    public async Task AnotherSiloTakesOverWithAHigherTokenOnceTheHolderStopsRenewing()
    {
        await using var database = await TestDatabase.CreateAsync();
        using var a = Lease(database, "silo-a");
        using var b = Lease(database, "silo-b");
        var sinceAcquired = Stopwatch.StartNew();
        Assert.True(await a.TryAcquireAsync(CancellationToken.None));

        await TakeOverAsync(b);

        Assert.True(sinceAcquired.Elapsed >= Duration - TimeSpan.FromMilliseconds(100), $"taken over after {sinceAcquired.Elapsed}");
        Assert.True(b.Token > a.Token, $"token {b.Token} after {a.Token}");
        Assert.False(await a.TryAcquireAsync(CancellationToken.None));
        Assert.Equal("silo-b", a.CurrentHolder);
        Assert.False(a.Held);
        Assert.Equal(1, b.Takeovers);
    }

    [Fact]
    public async Task TheOldHoldersCursorWriteAfterATakeoverFailsAndTheNewHolderResumesFromTheLastCursor()
    {
        await using var database = await TestDatabase.CreateAsync();
        using var a = Lease(database, "silo-a");
        using var b = Lease(database, "silo-b");
        Assert.True(await a.TryAcquireAsync(CancellationToken.None));
        var written = new ChainCursor("sig-100", 100);
        await a.WriteAsync(ProgramId, written, CancellationToken.None);
        await TakeOverAsync(b);

        var resumed = await b.ReadAsync(ProgramId, CancellationToken.None);
        var lost = await Assert.ThrowsAsync<LeaseLostException>(async () =>
            await a.WriteAsync(ProgramId, new ChainCursor("sig-200", 200), CancellationToken.None));

        Assert.Equal(written, resumed);
        Assert.Contains("silo-a", lost.Message);
        Assert.Equal(written, await b.ReadAsync(ProgramId, CancellationToken.None));
        Assert.Equal(100, await database.ScalarAsync<long>("SELECT CursorSlot FROM SpinListenerLease"));
        await b.WriteAsync(ProgramId, new ChainCursor("sig-300", 300), CancellationToken.None);
        Assert.Equal(new ChainCursor("sig-300", 300), await a.ReadAsync(ProgramId, CancellationToken.None));
    }

    [Fact]
    public async Task AWriteWithoutTheLeaseFailsAndAFreshLeaseHasNoCursor()
    {
        await using var database = await TestDatabase.CreateAsync();
        using var a = Lease(database, "silo-a");

        Assert.Null(await a.ReadAsync(ProgramId, CancellationToken.None));
        await Assert.ThrowsAsync<LeaseLostException>(async () => await a.WriteAsync(ProgramId, new ChainCursor("sig-1", 1), CancellationToken.None));
        Assert.True(await a.TryAcquireAsync(CancellationToken.None));
        Assert.Null(await a.ReadAsync(ProgramId, CancellationToken.None));
    }

    [Fact]
    public async Task ReleasingLetsAnotherSiloTakeOverAtOnce()
    {
        await using var database = await TestDatabase.CreateAsync();
        using var a = Lease(database, "silo-a");
        using var b = Lease(database, "silo-b");
        Assert.True(await a.TryAcquireAsync(CancellationToken.None));

        await a.ReleaseAsync(CancellationToken.None);

        Assert.True(await b.TryAcquireAsync(CancellationToken.None));
        Assert.Equal(2, b.Token);
        await Assert.ThrowsAsync<LeaseLostException>(async () => await a.WriteAsync(ProgramId, new ChainCursor("sig-1", 1), CancellationToken.None));
    }

    [Fact]
    public async Task ARestartedSiloWaitsForTheLeaseOfItsPreviousRunToExpire()
    {
        await using var database = await TestDatabase.CreateAsync();
        using var before = Lease(database, "silo-a");
        using var after = Lease(database, "silo-a");
        Assert.True(await before.TryAcquireAsync(CancellationToken.None));

        Assert.False(await after.TryAcquireAsync(CancellationToken.None));
        await TakeOverAsync(after);

        Assert.Equal(2, after.Token);
        await Assert.ThrowsAsync<LeaseLostException>(async () =>
            await before.WriteAsync(ProgramId, new ChainCursor("sig-1", 1), CancellationToken.None));
    }

    private static PostgresListenerLease Lease(TestDatabase database, string silo) =>
        new(database.ConnectionString, ServiceId, ProgramId, silo, Duration);

    private static Task TakeOverAsync(PostgresListenerLease lease) => Eventually.HoldsAsync(async () =>
        (await lease.TryAcquireAsync(CancellationToken.None), $"held by {lease.CurrentHolder}"), Duration * 5, $"{lease.Holder} to take the lease over");
}
