using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Orleans.Runtime.Hosting;
using Orleans.Storage;
using Orleans.TestingHost;
using Spin.Grains.Details;
using Spin.Grains.Interfaces.Catalog;
using Spin.Grains.Interfaces.Events;
using Spin.Grains.Interfaces.Mints;
using Spin.Grains.Interfaces.Users;
using Spin.Grains.Mints;
using Spin.Grains.Storage;
using Spin.Grains.Tests.Infrastructure;

namespace Spin.Grains.Tests.Placement;

/// <summary>Three silos in one process, each with its own RocksDB (the manifests in one shared store, as PostgreSQL
/// would be): mints spread over the silos by rendezvous ranking, each applied batch is on the replica silo before Apply
/// returns, and a killed silo's mints, users and catalog answer in full from their replicas.</summary>
public sealed class ReplicationTests : IAsyncLifetime
{
    private readonly string _root = Directory.CreateTempSubdirectory("spin-replication-").FullName;
    private readonly ConcurrentDictionary<string, RocksStore> _stores = new();
    private RocksStore _manifests = null!;
    private InProcessTestCluster _cluster = null!;

    public async Task InitializeAsync()
    {
        _manifests = Open("manifests");
        var builder = new InProcessTestClusterBuilder(3);
        builder.ConfigureSilo((options, silo) =>
        {
            var name = options.SiloName;
            silo.Services.AddSingleton(_ => _stores.GetOrAdd(name, Open));
            silo.Services.AddSingleton(Options.Create(new MetadataOptions { Enabled = false }));
            silo.Services.AddSingleton(sp => new MetadataFetcher(new HttpClient(), sp.GetRequiredService<IOptions<MetadataOptions>>()));
            silo.Services.AddGrainStorage(MintGrain.ManifestStorage, (sp, storage) =>
                new RocksGrainStorage(storage, _manifests, sp.GetRequiredService<IGrainStorageSerializer>()));
            silo.AddSpinPlacement();
        });
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await _cluster.DisposeAsync();
        foreach (var store in _stores.Values)
        {
            store.Dispose();
        }

        _manifests.Dispose();
        Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task AKilledSilosMintsUsersAndCatalogAnswerInFullFromTheirReplicas()
    {
        var client = _cluster.Client;
        var trader = TestEvents.Key();
        var mints = Enumerable.Range(0, 24).Select(_ => TestEvents.Key()).ToList();
        var truth = mints.ToDictionary(m => m, m => Enumerable.Range(1, 6).Select(i => Trade(m, trader, (ulong)i)).ToList());
        foreach (var (mint, events) in truth)
        {
            await client.GetGrain<IMintGrain>(mint).Apply(events[..3]);
            await client.GetGrain<IMintGrain>(mint).Apply(events[3..]);
        }

        var before = new Dictionary<string, MintPlacement>();
        foreach (var mint in mints)
        {
            var placement = before[mint] = await client.GetGrain<IMintGrain>(mint).GetPlacement();
            Assert.NotNull(placement.Replica);
            Assert.NotEqual(placement.Silo, placement.Replica);
            Assert.Equal(6, await client.GetGrain<IMintReplicaGrain>($"{placement.Replica}/{mint}").LastSeq());
        }

        Assert.Equal(3, before.Values.Select(p => p.Silo).Distinct().Count());

        // Kill a silo that hosts mints (not the first one, which holds the test cluster's membership table).
        var victim = _cluster.Silos.Skip(1).First(s => before.Values.Any(p => p.Silo == s.Name));
        var moved = before.Where(p => p.Value.Silo == victim.Name).Select(p => p.Key).ToList();
        await _cluster.KillSiloAsync(victim);

        foreach (var mint in moved)
        {
            var placement = await Eventually(() => client.GetGrain<IMintGrain>(mint).GetPlacement(), p => p.Silo != victim.Name);
            Assert.Equal(before[mint].Replica, placement.Silo);
            Assert.False(placement.Syncing);
            var page = await client.GetGrain<IMintGrain>(mint).GetEvents(new EventQuery(1, 50, Descending: false));
            Assert.Equal(truth[mint], page.Events.Select(e => e.Event));
        }

        // The trader's history and the catalog were replicated too, wherever their grains lived.
        var history = await Eventually(() => client.GetGrain<IUserGrain>(trader).GetEvents(null, 1, 1000, descending: false), _ => true);
        Assert.Equal(truth.Values.Sum(e => e.Count), history.Total);
        var listed = 0L;
        for (var shard = 0; shard < CatalogShards.Count; shard++)
        {
            listed += (await Eventually(() => client.GetGrain<ICatalogShardGrain>(shard).Page(CatalogSort.SlotAsc, null, 0), _ => true)).Total;
        }

        Assert.Equal(mints.Count, listed);

        // Writes go on after the failover, and reach the new replica.
        foreach (var mint in moved)
        {
            var result = await client.GetGrain<IMintGrain>(mint).Apply([Trade(mint, trader, 7)]);
            var placement = await client.GetGrain<IMintGrain>(mint).GetPlacement();
            Assert.Equal(new ApplyResult(1, 0, 7), result);
            Assert.Equal(7, await client.GetGrain<IMintReplicaGrain>($"{placement.Replica}/{mint}").LastSeq());
        }
    }

    private static ChainEvent Trade(string mint, string trader, ulong slot) =>
        new(new EventId($"{mint[..20]}{slot:D8}", 0), slot, 1_767_225_600 + (long)slot,
            new BuySellEvent(trader, mint, true, 5_000_000, 1_000_000 + slot, UInt128.Parse("279589934762348555452")));

    // Calls into a cluster that is still declaring a silo dead fail for a few seconds; retry until the answer holds.
    private static async Task<T> Eventually<T>(Func<Task<T>> call, Func<T, bool> holds)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        Exception? last = null;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                var answer = await call();
                if (holds(answer))
                {
                    return answer;
                }
            }
            catch (Exception ex) when (ex is not Xunit.Sdk.XunitException)
            {
                last = ex;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"No answer held within 60 s; last error: {last?.Message}");
    }

    private RocksStore Open(string name) =>
        new(Options.Create(new StorageOptions { Path = Path.Combine(_root, name) }), NullLogger<RocksStore>.Instance);
}
