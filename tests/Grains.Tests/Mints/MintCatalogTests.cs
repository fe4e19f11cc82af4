using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
using Spin.Grains.Interfaces.Catalog;
using Spin.Grains.Interfaces.Events;
using Spin.Grains.Interfaces.Mints;
using Spin.Grains.Interfaces.Users;
using Spin.Grains.Mints;
using Spin.Grains.Placement;
using Spin.Grains.Tests.Infrastructure;

namespace Spin.Grains.Tests.Mints;

/// <summary>A mint's user index is written in its own batch, so a user's history and orders are complete the moment
/// Apply returns; its catalog listing is handed to its shard after the batch: a shard that hangs holds a batch up for at
/// most <see cref="ReplicationOptions.CatalogWait"/>, and one that fails is retried until it takes the listing. A gate in
/// front of <see cref="ICatalogShardGrain.Upsert"/> makes shards hang or fail on demand.</summary>
public sealed class MintCatalogTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly string _path = Directory.CreateTempSubdirectory("spin-mint-catalog-").FullName;
    private readonly ShardGate _gate = new();
    private InProcessTestCluster _cluster = null!;

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            ClusterFixture.AddSpinGrains(silo, _path);
            silo.Services.Configure<ReplicationOptions>(options => options.CatalogWait = TimeSpan.FromMilliseconds(300));
            silo.AddIncomingGrainCallFilter(_gate.PassAsync);
        });
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        _gate.Open();
        await _cluster.DisposeAsync();
        Directory.Delete(_path, recursive: true);
    }

    private IClusterClient Client => _cluster.Client;

    private ReplicationMetrics Metrics => _cluster.GetSiloServiceProvider(_cluster.Silos[0].SiloAddress).GetRequiredService<ReplicationMetrics>();

    [Fact]
    public async Task ABatchIsAcknowledgedWhileTheCatalogHangsAndTheUsersHistoryIsCompleteAtOnce()
    {
        var (mint, trader) = (TestEvents.Key(), TestEvents.Key());
        var grain = Client.GetGrain<IMintGrain>(mint);
        _gate.Hang();

        var first = await grain.Apply([Open(mint, trader, slot: 1)]);
        var afterFirst = await Client.GetGrain<IUserGrain>(trader).GetOrders(mint);
        var second = await grain.Apply([Close(mint, trader, slot: 2)]);

        Assert.Equal(new ApplyResult(1, 0, 1), first);
        Assert.Equal(new ApplyResult(1, 0, 2), second);
        Assert.Single(afterFirst.Orders);
        var history = await Client.GetGrain<IUserGrain>(trader).GetEvents(null, 1, 10, descending: false);
        Assert.Equal([1UL, 2UL], history.Events.Select(e => e.Event.Slot));
        Assert.Equal(2, history.Total);
        // Opened, then closed: the order is not left open.
        Assert.Empty((await Client.GetGrain<IUserGrain>(trader).GetOrders(mint)).Orders);
        Assert.Equal(1, Metrics.ListingsPending);

        _gate.Open();
        await Eventually(async () => (await Client.GetGrain<ICatalogShardGrain>(CatalogShards.Of(mint)).Page(CatalogSort.SlotAsc, null, 1000))
            .Entries.Any(e => e.Mint == mint));
        await Eventually(() => Task.FromResult(Metrics.ListingsPending == 0));
    }

    [Fact]
    public async Task AShardThatFailsIsRetriedUntilItTakesTheListing()
    {
        var (mint, trader) = (TestEvents.Key(), TestEvents.Key());
        // The shard is active (it merged the stores when it activated), so only the mint's retries can bring the listing.
        await Client.GetGrain<ICatalogShardGrain>(CatalogShards.Of(mint)).Page(CatalogSort.VolumeDesc, null, 0);
        _gate.Fail(times: 3);

        await Client.GetGrain<IMintGrain>(mint).Apply([Open(mint, trader, slot: 1)]);

        await Eventually(async () => (await Client.GetGrain<ICatalogShardGrain>(CatalogShards.Of(mint)).Page(CatalogSort.VolumeDesc, null, 1000))
            .Entries.Any(e => e.Mint == mint));
        Assert.Equal(0, _gate.FailuresLeft);
        await Eventually(() => Task.FromResult(Metrics.ListingsPending == 0));
    }

    private static async Task Eventually(Func<Task<bool>> condition)
    {
        using var timeout = new CancellationTokenSource(Patience);
        while (!await condition())
        {
            await Task.Delay(50, timeout.Token);
        }
    }

    private static readonly UInt128 Price = UInt128.Parse("279589934762348555452");

    private static ChainEvent Open(string mint, string trader, ulong slot) =>
        new(new EventId($"{mint[..20]}open{slot:D8}", 0), slot, 1_767_225_600 + (long)slot,
            new LongShortEvent(trader, mint, Pda(mint), Price, 1, mint, trader, Price, Price, 7, 8, 9, 10, 11, 12, 13, 1));

    private static ChainEvent Close(string mint, string trader, ulong slot) =>
        new(new EventId($"{mint[..20]}close{slot:D8}", 0), slot, 1_767_225_600 + (long)slot,
            new FullCloseEvent(trader, trader, mint, true, 1, 2, 3, Price, Pda(mint)));

    // One order per mint in these tests: its pda is derived from the mint.
    private static string Pda(string mint) => mint;

    /// <summary>Makes <see cref="ICatalogShardGrain.Upsert"/> hang or fail until told otherwise.</summary>
    private sealed class ShardGate
    {
        private TaskCompletionSource _open = Opened();
        private int _failures;

        public int FailuresLeft => Math.Max(0, Volatile.Read(ref _failures));

        public void Hang() => _open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Open() => _open.TrySetResult();

        public void Fail(int times) => Interlocked.Exchange(ref _failures, times);

        public async Task PassAsync(IIncomingGrainCallContext context)
        {
            if (context.InterfaceMethod?.DeclaringType == typeof(ICatalogShardGrain) && context.MethodName == nameof(ICatalogShardGrain.Upsert))
            {
                await _open.Task;
                if (Interlocked.Decrement(ref _failures) >= 0)
                {
                    throw new InvalidOperationException("The catalog shard cannot be reached (test gate).");
                }
            }

            await context.Invoke();
        }

        private static TaskCompletionSource Opened()
        {
            var open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            open.SetResult();
            return open;
        }
    }
}
