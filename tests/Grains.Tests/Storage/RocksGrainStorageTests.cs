using Orleans.Storage;
using Spin.Grains.Storage;
using Spin.Grains.Tests.Infrastructure;

namespace Spin.Grains.Tests.Storage;

/// <summary>The Orleans Persistence TestKit's cases, rewritten for the RocksDB grain storage provider.</summary>
[Collection(ClusterCollection.Name)]
public sealed class RocksGrainStorageTests(ClusterFixture fixture)
{
    private readonly IGrainStorage _storage = fixture.Storage("rocks");

    [GenerateSerializer, Alias("Spin.Grains.Tests.Storage.RocksGrainStorageTests.TestState")]
    public sealed class TestState
    {
        [Id(0)] public string Name { get; set; } = "";
        [Id(1)] public UInt128 Value { get; set; }
        [Id(2)] public List<int> Items { get; set; } = [];
    }

    [Fact]
    public async Task ReadingAMissingRecordGivesDefaultStateNoETagAndNoRecord()
    {
        var state = new GrainState<TestState>(new TestState());

        await _storage.ReadStateAsync("state", NewId(), state);

        Assert.Null(state.ETag);
        Assert.False(state.RecordExists);
        Assert.Equal("", state.State!.Name);
    }

    [Fact]
    public async Task WritesAndReadsBackEveryFieldWithTheSameETag()
    {
        var id = NewId();
        var written = new GrainState<TestState>(new TestState { Name = "spin 🚀", Value = UInt128.MaxValue, Items = [1, 2, 3] });

        await _storage.WriteStateAsync("state", id, written);
        var read = new GrainState<TestState>(new TestState());
        await _storage.ReadStateAsync("state", id, read);

        Assert.True(read.RecordExists);
        Assert.Equal(written.ETag, read.ETag);
        Assert.Equal(("spin 🚀", UInt128.MaxValue), (read.State!.Name, read.State.Value));
        Assert.Equal([1, 2, 3], read.State.Items);
    }

    [Fact]
    public async Task ChangesTheETagOnEveryWrite()
    {
        var state = new GrainState<TestState>(new TestState());
        var id = NewId();

        await _storage.WriteStateAsync("state", id, state);
        var first = state.ETag;
        await _storage.WriteStateAsync("state", id, state);

        Assert.NotNull(first);
        Assert.NotEqual(first, state.ETag);
    }

    [Fact]
    public async Task RefusesAWriteWithAStaleOrMissingETag()
    {
        var id = NewId();
        var winner = new GrainState<TestState>(new TestState());
        await _storage.WriteStateAsync("state", id, winner);
        var stale = new GrainState<TestState>(new TestState()) { ETag = winner.ETag };
        await _storage.WriteStateAsync("state", id, winner);

        await Assert.ThrowsAsync<InconsistentStateException>(() => _storage.WriteStateAsync("state", id, stale));
        await Assert.ThrowsAsync<InconsistentStateException>(() => _storage.WriteStateAsync("state", id, new GrainState<TestState>(new TestState())));
        await Assert.ThrowsAsync<InconsistentStateException>(() => _storage.ClearStateAsync("state", id, stale));
    }

    [Fact]
    public async Task ClearsARecordAndAcceptsAWriteAfterwards()
    {
        var id = NewId();
        var state = new GrainState<TestState>(new TestState { Name = "x" });
        await _storage.WriteStateAsync("state", id, state);

        await _storage.ClearStateAsync("state", id, state);
        var read = new GrainState<TestState>(new TestState());
        await _storage.ReadStateAsync("state", id, read);
        await _storage.WriteStateAsync("state", id, state);

        Assert.False(read.RecordExists);
        Assert.Null(read.ETag);
        Assert.True(state.RecordExists);
    }

    [Fact]
    public async Task KeepsStateNamesAndGrainsApart()
    {
        var id = NewId();
        await _storage.WriteStateAsync("a", id, new GrainState<TestState>(new TestState { Name = "a" }));
        await _storage.WriteStateAsync("a", NewId(), new GrainState<TestState>(new TestState { Name = "other grain" }));

        var b = new GrainState<TestState>(new TestState());
        await _storage.ReadStateAsync("b", id, b);
        var a = new GrainState<TestState>(new TestState());
        await _storage.ReadStateAsync("a", id, a);

        Assert.False(b.RecordExists);
        Assert.Equal("a", a.State!.Name);
    }

    [Fact]
    public async Task LetsExactlyOneOfManyConcurrentWritersWithTheSameETagWin()
    {
        var id = NewId();
        var seed = new GrainState<TestState>(new TestState());
        await _storage.WriteStateAsync("state", id, seed);

        var attempts = Enumerable.Range(0, 16).Select(i => Task.Run(async () =>
        {
            try
            {
                await _storage.WriteStateAsync("state", id, new GrainState<TestState>(new TestState { Name = $"w{i}" }) { ETag = seed.ETag });
                return true;
            }
            catch (InconsistentStateException)
            {
                return false;
            }
        }));

        Assert.Equal(1, (await Task.WhenAll(attempts)).Count(won => won));
    }

    [Fact]
    public async Task KeepsStateAcrossAReopenedStore()
    {
        using var store = new StoreFixture();
        var id = NewId();
        var written = new GrainState<TestState>(new TestState { Name = "durable" });
        await new RocksGrainStorage("rocks", store.Store, fixture.Serializer).WriteStateAsync("state", id, written);

        store.Reopen();
        var read = new GrainState<TestState>(new TestState());
        await new RocksGrainStorage("rocks", store.Store, fixture.Serializer).ReadStateAsync("state", id, read);

        Assert.Equal(("durable", written.ETag), (read.State!.Name, read.ETag));
    }

    private static GrainId NewId() => GrainId.Create("test", Guid.NewGuid().ToString("N"));
}
