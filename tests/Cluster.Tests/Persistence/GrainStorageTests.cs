using Orleans.Storage;
using Spin.Cluster.Tests.Infrastructure;
using Spin.Cluster.Tests.TestGrains;

namespace Spin.Cluster.Tests.Persistence;

[Collection(ClusterCollection.Name)]
public sealed class GrainStorageTests(ClusterFixture cluster)
{
    private const string StateName = "probe";

    // Each database is fresh, so fixed keys are unique. Orleans stores them as a string key, an integer key (the key
    // parses as hex) and a GUID key with an extension.
    public static TheoryData<string> KeyShapes => new()
    {
        "7xKXtg2CW87d97TXJSDpbD5jBkheTqA83TZRuJosgAsU",
        "5f3a",
        "0c5e2c1b9f1e4d5aa7f0b1b2c3d4e5f6+extension",
    };

    [Theory]
    [MemberData(nameof(KeyShapes))]
    public async Task WritesReadsRejectsStaleETagsAndClears(string key)
    {
        var storage = cluster.Storage();
        var grainId = GrainId.Create("probe", key);
        var first = new GrainState<ProbeState>(new ProbeState { Value = "v1" });

        await storage.WriteStateAsync(StateName, grainId, first);
        var read = new GrainState<ProbeState>(new ProbeState());
        await storage.ReadStateAsync(StateName, grainId, read);

        Assert.Equal(("v1", first.ETag, true), (read.State!.Value, read.ETag, read.RecordExists));

        read.State!.Value = "v2";
        await storage.WriteStateAsync(StateName, grainId, read);
        first.State!.Value = "stale";
        var duplicate = new GrainState<ProbeState>(new ProbeState { Value = "second insert" });

        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(StateName, grainId, first));
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(StateName, grainId, duplicate));

        await storage.ClearStateAsync(StateName, grainId, read);
        var cleared = new GrainState<ProbeState>(new ProbeState());
        await storage.ReadStateAsync(StateName, grainId, cleared);

        Assert.Equal(("", read.ETag, false), (cleared.State!.Value, cleared.ETag, cleared.RecordExists));
        Assert.NotEqual(first.ETag, read.ETag);

        cleared.State!.Value = "after clear";
        await storage.WriteStateAsync(StateName, grainId, cleared);
        var reread = new GrainState<ProbeState>(new ProbeState());
        await storage.ReadStateAsync(StateName, grainId, reread);

        Assert.Equal("after clear", reread.State!.Value);
    }

    [Fact]
    public async Task ConcurrentFirstWritesLeaveExactlyOneRow()
    {
        var key = $"race-{Guid.NewGuid():N}";
        var grainId = GrainId.Create("probe", key);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 8).Select(async i =>
        {
            try
            {
                await cluster.Storage().WriteStateAsync(StateName, grainId, new GrainState<ProbeState>(new ProbeState { Value = $"writer {i}" }));
                return true;
            }
            catch (InconsistentStateException)
            {
                return false;
            }
        }));

        Assert.Single(outcomes, won => won);
        Assert.Equal(1L, await CountRowsAsync(key));
    }

    [Fact]
    public async Task ClearWithDeleteStateOnClearRemovesTheRowAndTheNextWriteInsertsIt()
    {
        var storage = cluster.Storage(ClusterFixture.DeletingStorageName);
        var key = $"delete-{Guid.NewGuid():N}";
        var grainId = GrainId.Create("probe", key);
        var state = new GrainState<ProbeState>(new ProbeState { Value = "v1" });
        await storage.WriteStateAsync(StateName, grainId, state);

        await storage.ClearStateAsync(StateName, grainId, state);

        Assert.Equal((null, false), (state.ETag, state.RecordExists));
        Assert.Equal(0L, await CountRowsAsync(key));

        state.State!.Value = "v2";
        await storage.WriteStateAsync(StateName, grainId, state);

        Assert.Equal(1L, await CountRowsAsync(key));
    }

    [Fact]
    public async Task GrainStateSurvivesDeactivation()
    {
        var grain = cluster.ClusterClient.GetGrain<IProbeGrain>($"state-{Guid.NewGuid():N}");

        await grain.Save("kept");
        await grain.Deactivate();

        Assert.Equal("kept", await grain.Load());
        Assert.Equal(1L, await CountRowsAsync(grain.GetPrimaryKeyString()));
    }

    private Task<long> CountRowsAsync(string stringKey) => cluster.Database.ScalarAsync<long>(
        "SELECT count(*) FROM OrleansStorage WHERE ServiceId = @service AND GrainTypeString = 'probe' AND GrainIdExtensionString = @key",
        ("service", cluster.ServiceId), ("key", stringKey));
}
