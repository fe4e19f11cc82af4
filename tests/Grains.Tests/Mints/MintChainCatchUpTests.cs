using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Orleans.Runtime.Hosting;
using Orleans.Storage;
using Orleans.TestingHost;
using Spin.Chain.Rpc;
using Spin.ChainSimulator.Tests.Infrastructure;
using Spin.Grains.Details;
using Spin.Grains.Interfaces.Events;
using Spin.Grains.Interfaces.Mints;
using Spin.Grains.Mints;
using Spin.Grains.Placement;
using Spin.Grains.Storage;
using Spin.Silo.Ingest;
using EventId = Spin.Grains.Interfaces.Events.EventId;

namespace Spin.Grains.Tests.Mints;

/// <summary>Two in-process silos with their own RocksDB and the silo's real chain history pointed at the chain simulator:
/// a mint whose manifest records events no silo holds reads them back from the chain, exactly once and in chain order;
/// with the node unreachable it stays syncing and gives up after the grace period, as before.</summary>
public sealed class MintChainCatchUpTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(2);
    private readonly string _root = Directory.CreateTempSubdirectory("spin-chain-catchup-").FullName;
    private readonly ConcurrentDictionary<string, RocksStore> _stores = new();
    private RocksStore _manifests = null!;
    private SimulatorHost _chain = null!;
    private InProcessTestCluster? _cluster;

    public async Task InitializeAsync()
    {
        _manifests = Open("manifests");
        _chain = await SimulatorHost.StartAsync("--seed", "11", "--mints", "3", "--prefill", "300", "--transactions", "0");
    }

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }

        await _chain.DisposeAsync();
        foreach (var store in _stores.Values)
        {
            store.Dispose();
        }

        _manifests.Dispose();
        Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task AMintWhoseEventsNoSiloHoldsReadsThemBackFromTheChainExactlyOnceInChainOrder()
    {
        var cluster = await StartClusterAsync(new Uri($"http://127.0.0.1:{_chain.Port}/"), Grace);
        var (mint, truth) = BusiestMint();
        var grain = cluster.Client.GetGrain<IMintGrain>(mint);
        var held = truth.Count / 3;
        await grain.Apply(truth[..held]);

        // The manifest records all but the last two events (the silos that held them are gone, both copies): no store
        // has them; the last two the listener has not delivered yet.
        await SetManifestAsync(grain, truth.Count - 2, truth[^3].Id);
        var (unresolved, fromChain) = (Sum(m => m.UnresolvedCount), Sum(m => m.ChainCaughtUpCount));
        await cluster.Client.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);

        var placement = await UntilAsync(grain.GetPlacement, p => !p.Syncing, "the mint to catch up from the chain");
        var page = await grain.GetEvents(new EventQuery(1, 1000, Descending: false));
        Assert.Equal(truth, page.Events.Select(e => e.Event));
        Assert.Equal(Enumerable.Range(1, truth.Count).Select(i => (long)i), page.Events.Select(e => e.Seq));
        Assert.False(page.Syncing);
        Assert.Equal((truth.Count, truth.Count), (placement.LastSeq, placement.ManifestSeq));
        Assert.Equal(truth.Count, await cluster.Client.GetGrain<IMintReplicaGrain>($"{placement.Replica}/{mint}").LastSeq());
        Assert.Equal(unresolved, Sum(m => m.UnresolvedCount));
        Assert.Equal(fromChain + truth.Count - held, Sum(m => m.ChainCaughtUpCount));

        // The listener's later delivery of the same events finds them all stored.
        Assert.Equal(new ApplyResult(0, truth.Count, truth.Count), await grain.Apply(truth));
    }

    [Fact]
    public async Task WithTheNodeUnreachableTheMintStaysSyncingUnchangedAndGivesUpAfterTheGracePeriod()
    {
        var cluster = await StartClusterAsync(new Uri($"http://127.0.0.1:{ClosedPort()}/"), Grace);
        var (mint, truth) = BusiestMint();
        var grain = cluster.Client.GetGrain<IMintGrain>(mint);
        var held = truth.Count / 3;
        await grain.Apply(truth[..held]);
        await SetManifestAsync(grain, truth.Count - 2, truth[^3].Id);
        var unresolved = Sum(m => m.UnresolvedCount);
        await cluster.Client.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);

        var placement = await grain.GetPlacement();
        Assert.Equal((held, truth.Count - 2, true), (placement.LastSeq, placement.ManifestSeq, placement.Syncing));
        await UntilAsync(() => Task.FromResult(Sum(m => m.UnresolvedCount)), count => count == unresolved + 1, "the mint to give up");

        var page = await grain.GetEvents(new EventQuery(1, 1000, Descending: false));
        Assert.True(page.Syncing);
        Assert.Equal(truth[..held], page.Events.Select(e => e.Event));
        Assert.Equal((held, truth.Count - 2), ((await grain.GetPlacement()).LastSeq, (await ReadManifestAsync(grain)).State!.LastSeq));
    }

    private async Task<InProcessTestCluster> StartClusterAsync(Uri rpcUrl, TimeSpan grace)
    {
        var builder = new InProcessTestClusterBuilder(2);
        builder.ConfigureSilo((options, silo) =>
        {
            var name = options.SiloName;
            silo.Services.AddSingleton(_ => _stores.GetOrAdd(name, Open));
            silo.Services.AddSingleton(Options.Create(new MetadataOptions { Enabled = false }));
            silo.Services.AddSingleton(sp => new MetadataFetcher(new HttpClient(), sp.GetRequiredService<IOptions<MetadataOptions>>()));
            silo.Services.AddGrainStorage(MintGrain.ManifestStorage, (sp, storage) =>
                new RocksGrainStorage(storage, _manifests, sp.GetRequiredService<IGrainStorageSerializer>()));
            silo.AddSpinPlacement();
            silo.Services.Configure<ReplicationOptions>(o => (o.SyncGrace, o.ChainReadAfter) = (grace, TimeSpan.Zero));
            silo.Services.AddSingleton(new SolanaRpcOptions { RpcUrl = rpcUrl, MaxAttempts = 2 });
            silo.Services.AddSingleton(sp => new SolanaRpcClient(new HttpClient(), sp.GetRequiredService<SolanaRpcOptions>(), sp.GetRequiredService<ILogger<SolanaRpcClient>>()));
            silo.Services.AddSingleton<BlockTimeCache>();
            silo.Services.AddSingleton(Options.Create(new ChainOptions()));
            silo.Services.AddSingleton<IMintChainHistory, ChainMintHistory>();
        });
        _cluster = builder.Build();
        await _cluster.DeployAsync();
        return _cluster;
    }

    // The simulator's truth for its busiest mint: the events of its successful transactions, in chain order.
    private (string Mint, List<ChainEvent> Truth) BusiestMint()
    {
        var events = _chain.Ledger.Snapshot().Where(t => !t.Failed)
            .SelectMany(t => t.Events.Select((e, i) => new ChainEvent(new EventId(t.Signature, i), t.Slot, t.BlockTime, e))).ToList();
        var mint = events.GroupBy(e => e.Body.Mint).MaxBy(g => g.Count())!.Key;
        return (mint, events.Where(e => e.Body.Mint == mint).ToList());
    }

    private async Task SetManifestAsync(IMintGrain grain, long lastSeq, EventId lastEvent)
    {
        var manifest = await ReadManifestAsync(grain);
        (manifest.State!.LastSeq, manifest.State.LastEvent) = (lastSeq, lastEvent);
        await Storage.WriteStateAsync("manifest", grain.GetGrainId(), manifest);
    }

    private async Task<GrainState<MintManifest>> ReadManifestAsync(IMintGrain grain)
    {
        var state = new GrainState<MintManifest>(new MintManifest());
        await Storage.ReadStateAsync("manifest", grain.GetGrainId(), state);
        return state;
    }

    private IGrainStorage Storage => _cluster!.GetSiloServiceProvider(_cluster.Silos[0].SiloAddress).GetRequiredKeyedService<IGrainStorage>(MintGrain.ManifestStorage);

    private long Sum(Func<ReplicationMetrics, long> figure) =>
        _cluster!.Silos.Sum(s => figure(_cluster.GetSiloServiceProvider(s.SiloAddress).GetRequiredService<ReplicationMetrics>()));

    private static async Task<T> UntilAsync<T>(Func<Task<T>> observe, Func<T, bool> condition, string what)
    {
        using var deadline = new CancellationTokenSource(Patience);
        while (true)
        {
            var observed = await observe();
            if (condition(observed))
            {
                return observed;
            }

            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100), deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Timed out after {Patience} waiting for {what}; last observed: {observed}");
            }
        }
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private RocksStore Open(string name) =>
        new(Options.Create(new StorageOptions { Path = Path.Combine(_root, name) }), NullLogger<RocksStore>.Instance);
}
