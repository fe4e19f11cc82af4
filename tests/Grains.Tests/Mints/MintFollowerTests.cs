using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using Orleans.TestingHost;
using Spin.Grains.Interfaces.Catalog;
using Spin.Grains.Interfaces.Events;
using Spin.Grains.Interfaces.Mints;
using Spin.Grains.Interfaces.Users;
using Spin.Grains.Mints;
using Spin.Grains.Placement;
using Spin.Grains.Tests.Infrastructure;

namespace Spin.Grains.Tests.Mints;

/// <summary>A mint's followers (its users' histories and its catalog listing) are fed from the mint's log after its
/// batch is stored: a user grain that hangs or fails holds a batch up for at most <see cref="ReplicationOptions.FollowerWait"/>,
/// never loses an update, and gets every update in order once it answers. A gate in front of <see cref="IUserGrain.Apply"/>
/// makes user grains hang or fail on demand.</summary>
public sealed class MintFollowerTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly string _path = Directory.CreateTempSubdirectory("spin-followers-").FullName;
    private readonly UserGate _gate = new();
    private InProcessTestCluster _cluster = null!;

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            ClusterFixture.AddSpinGrains(silo, _path);
            silo.Services.Configure<ReplicationOptions>(options => options.FollowerWait = TimeSpan.FromMilliseconds(300));
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

    private IServiceProvider Silo => _cluster.GetSiloServiceProvider(_cluster.Silos[0].SiloAddress);

    [Fact]
    public async Task ABatchIsAcknowledgedWhileAUserGrainHangsAndTheUserGetsEveryUpdateInOrderOnceItAnswers()
    {
        var (mint, trader) = (TestEvents.Key(), TestEvents.Key());
        var grain = Client.GetGrain<IMintGrain>(mint);
        _gate.Hang();

        // The first batch waits for the hung user grain only as long as the follower wait; the second does not wait.
        var first = await grain.Apply([Open(mint, trader, slot: 1)]);
        var second = await grain.Apply([Close(mint, trader, slot: 2)]);

        Assert.Equal(new ApplyResult(1, 0, 1), first);
        Assert.Equal(new ApplyResult(1, 0, 2), second);
        Assert.Equal(2, (await grain.GetEvents(new EventQuery(1, 10, Descending: false))).Total);
        // The hung call holds the user grain (its reads would queue behind it): the mint's lag says what is owed.
        Assert.Equal(2, Silo.GetRequiredService<ReplicationMetrics>().FollowerLag);

        _gate.Open();
        await _gate.WaitForDeliveryAsync(trader, mint, seq: 2, Patience);

        var history = await Client.GetGrain<IUserGrain>(trader).GetEvents(null, 1, 10, descending: false);
        Assert.Equal([1UL, 2UL], history.Events.Select(e => e.Event.Slot));
        // Opened, then closed: applied in log order, the order is not left open.
        Assert.Empty(await Client.GetGrain<IUserGrain>(trader).GetOrders(mint));
        Assert.Equal(0, Silo.GetRequiredService<ReplicationMetrics>().FollowerLag);
    }

    [Fact]
    public async Task AUserGrainThatFailsIsRetriedUntilItTakesTheUpdateAndTheMarkerReachesTheManifest()
    {
        var (mint, trader) = (TestEvents.Key(), TestEvents.Key());
        var grain = Client.GetGrain<IMintGrain>(mint);
        var failuresBefore = Silo.GetRequiredService<ReplicationMetrics>().FollowerFailures;
        _gate.Fail(times: 3);

        await grain.Apply([Open(mint, trader, slot: 1)]);
        await _gate.WaitForDeliveryAsync(trader, mint, seq: 1, Patience);

        Assert.Single((await Client.GetGrain<IUserGrain>(trader).GetEvents(null, 1, 10, descending: false)).Events);
        Assert.Single(await Client.GetGrain<IUserGrain>(trader).GetOrders(mint));
        Assert.True(Silo.GetRequiredService<ReplicationMetrics>().FollowerFailures - failuresBefore >= 3);
        var listing = await Client.GetGrain<ICatalogShardGrain>(CatalogShards.Of(mint)).Page(CatalogSort.SlotAsc, null, 0);
        Assert.True(listing.Total > 0);

        // The next write carries how far the followers were fed, for an activation on another silo to resume from.
        await grain.Apply([Close(mint, trader, slot: 2)]);
        var manifest = new GrainState<MintManifest>(new MintManifest());
        await Silo.GetRequiredKeyedService<IGrainStorage>(MintGrain.ManifestStorage)
            .ReadStateAsync("manifest", GrainId.Create("mint", mint), manifest);
        Assert.Equal(2, manifest.State!.LastSeq);
        Assert.Equal(1, manifest.State.FollowedTo);
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

    /// <summary>Makes <see cref="IUserGrain.Apply"/> hang or fail until told otherwise, and reports each update that
    /// went through.</summary>
    private sealed class UserGate
    {
        private readonly Channel<(string User, string Mint, IReadOnlyList<ChainEvent> Events)> _delivered = Channel.CreateUnbounded<(string, string, IReadOnlyList<ChainEvent>)>();
        private TaskCompletionSource _open = Opened();
        private int _failures;

        public void Hang() => _open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Open() => _open.TrySetResult();

        public void Fail(int times) => Interlocked.Exchange(ref _failures, times);

        public async Task PassAsync(IIncomingGrainCallContext context)
        {
            if (context.InterfaceMethod?.DeclaringType != typeof(IUserGrain) || context.MethodName != nameof(IUserGrain.Apply))
            {
                await context.Invoke();
                return;
            }

            await _open.Task;
            if (Interlocked.Decrement(ref _failures) >= 0)
            {
                throw new InvalidOperationException("The user grain cannot be reached (test gate).");
            }

            await context.Invoke();
            var update = (UserUpdate)context.Request.GetArgument(0)!;
            _delivered.Writer.TryWrite((context.TargetId.Key.ToString()!, update.Mint, update.Events));
        }

        // Returns once the user took the update that ends with event number seq of the mint (events are 1 per slot here).
        public async Task WaitForDeliveryAsync(string user, string mint, int seq, TimeSpan timeout)
        {
            using var cancel = new CancellationTokenSource(timeout);
            while (true)
            {
                var (to, of, events) = await _delivered.Reader.ReadAsync(cancel.Token);
                if (to == user && of == mint && events.Any(e => e.Slot == (ulong)seq))
                {
                    return;
                }
            }
        }

        private static TaskCompletionSource Opened()
        {
            var open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            open.SetResult();
            return open;
        }
    }
}
