using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using Spin.Grains.Interfaces.Events;
using Spin.Grains.Interfaces.Mints;
using Spin.Grains.Mints;
using Spin.Grains.Placement;
using Spin.Grains.Tests.Infrastructure;

namespace Spin.Grains.Tests.Mints;

/// <summary>The durable manifest fences a mint's writes: an activation whose manifest was moved on by another
/// activation writes nothing and leaves; an activation whose store is behind its manifest says it is syncing.</summary>
[Collection(ClusterCollection.Name)]
public sealed class MintManifestTests(ClusterFixture fixture)
{
    [Fact]
    public async Task AWriteAfterAnotherActivationMovedTheManifestOnIsRefusedAndStoresNothing()
    {
        var mint = TestEvents.Key();
        var grain = fixture.Cluster.Client.GetGrain<IMintGrain>(mint);
        await grain.Apply(Trades(mint, 0, 3));

        // Another activation of the same mint (as during a membership change) writes the manifest: the ETag moves on.
        var other = await ReadManifest(grain);
        await fixture.Storage(MintGrain.ManifestStorage).WriteStateAsync("manifest", grain.GetGrainId(), other);

        await Assert.ThrowsAsync<InconsistentStateException>(() => grain.Apply(Trades(mint, 3, 2)));

        // Nothing of the fenced batch was stored; the redelivered batch lands on the next activation, exactly once.
        var redelivered = await grain.Apply(Trades(mint, 3, 2));
        var page = await grain.GetEvents(new EventQuery(1, 50, Descending: false));
        Assert.Equal(new ApplyResult(2, 0, 5), redelivered);
        Assert.Equal(Enumerable.Range(1, 5).Select(i => (long)i), page.Events.Select(e => e.Seq));
        Assert.False(page.Syncing);
    }

    [Fact]
    public async Task AStoreBehindItsManifestAnswersSyncingUntilTheMissingEventsAreApplied()
    {
        var mint = TestEvents.Key();
        var grain = fixture.Cluster.Client.GetGrain<IMintGrain>(mint);
        await grain.Apply(Trades(mint, 0, 2));

        // The manifest records more events than this silo's store holds (they were written on a silo now gone, and no
        // peer has them): the next activation cannot catch up from a peer and must say so.
        var manifest = await ReadManifest(grain);
        manifest.State!.LastSeq = 4;
        await fixture.Storage(MintGrain.ManifestStorage).WriteStateAsync("manifest", grain.GetGrainId(), manifest);
        await fixture.Cluster.Client.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);

        var behind = await grain.GetEvents(new EventQuery(1, 50, Descending: false));
        var placement = await grain.GetPlacement();
        Assert.True(behind.Syncing);
        Assert.Equal((2, 4, true), (placement.LastSeq, placement.ManifestSeq, placement.Syncing));

        // The manifest does not name the batch's last event as its own (it was lost along with the silo that wrote it): with
        // no peer to wait for (the grace period is zero here), the mint takes the batch and counts the activation as one
        // that needed a chain backfill.
        var metrics = fixture.Cluster.GetSiloServiceProvider(fixture.Cluster.Silos[0].SiloAddress).GetRequiredService<ReplicationMetrics>();
        var unresolved = metrics.UnresolvedCount;
        await grain.Apply(Trades(mint, 0, 4));
        Assert.Equal(unresolved + 1, metrics.UnresolvedCount);
        var whole = await grain.GetEvents(new EventQuery(1, 50, Descending: false));
        Assert.False(whole.Syncing);
        Assert.Equal(4, whole.Total);
    }

    [Fact]
    public async Task TheRedeliveredLastBatchRepairsAStoreThatMissedItEvenBeforeTheGracePeriod()
    {
        var mint = TestEvents.Key();
        var grain = fixture.Cluster.Client.GetGrain<IMintGrain>(mint);
        var trades = Trades(mint, 0, 5);
        await grain.Apply(trades[..2]);

        // A silo wrote the manifest for events 3-4 and died before its store (or any replica) had them.
        var manifest = await ReadManifest(grain);
        (manifest.State!.LastSeq, manifest.State.LastEvent) = (4, trades[3].Id);
        await fixture.Storage(MintGrain.ManifestStorage).WriteStateAsync("manifest", grain.GetGrainId(), manifest);
        await fixture.Cluster.Client.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        Assert.True((await grain.GetPlacement()).Syncing);

        // The listener redelivers from its cursor: events 3-4 take exactly the numbers the manifest gave them, and 5 follows,
        // recognised as the missing batch rather than accepted as a loss.
        var metrics = fixture.Cluster.GetSiloServiceProvider(fixture.Cluster.Silos[0].SiloAddress).GetRequiredService<ReplicationMetrics>();
        var unresolved = metrics.UnresolvedCount;
        var result = await grain.Apply(trades);
        Assert.Equal(unresolved, metrics.UnresolvedCount);
        var page = await grain.GetEvents(new EventQuery(1, 50, Descending: false));
        Assert.Equal(new ApplyResult(3, 2, 5), result);
        Assert.Equal(trades, page.Events.Select(e => e.Event));
        Assert.False(page.Syncing);
    }

    private async Task<GrainState<MintManifest>> ReadManifest(IMintGrain grain)
    {
        var state = new GrainState<MintManifest>(new MintManifest());
        await fixture.Storage(MintGrain.ManifestStorage).ReadStateAsync("manifest", grain.GetGrainId(), state);
        Assert.True(state.RecordExists);
        return state;
    }

    private static List<ChainEvent> Trades(string mint, int from, int count) =>
        Enumerable.Range(from, count).Select(i => new ChainEvent(new EventId($"sig{mint}{i}", 0), (ulong)(100 + i), 1_767_225_600 + i,
            new BuySellEvent(TestEvents.Key(), mint, true, 1000, 10, 1_000_000))).ToList();
}
