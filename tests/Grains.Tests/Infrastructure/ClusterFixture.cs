using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Runtime.Hosting;
using Orleans.Storage;
using Orleans.TestingHost;
using Spin.Grains;
using Spin.Grains.Details;
using Spin.Grains.Mints;
using Spin.Grains.Placement;
using Spin.Grains.Storage;

namespace Spin.Grains.Tests.Infrastructure;

/// <summary>An in-process Orleans cluster whose silo has a real RocksDB store in a temporary directory.</summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    private readonly string _path = Directory.CreateTempSubdirectory("spin-cluster-").FullName;

    /// <summary>The running cluster.</summary>
    public InProcessTestCluster Cluster { get; private set; } = null!;

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            AddSpinGrains(silo, _path);
            // One silo has no peer to catch up from: a mint behind its manifest takes the redelivered batch at once.
            silo.Services.Configure<ReplicationOptions>(options => options.SyncGrace = TimeSpan.Zero);
        });
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    /// <summary>What a test silo needs to host the product's grains: a RocksDB store under <paramref name="path"/> that also
    /// keeps the grain states, metadata fetching off, and the product's placement.</summary>
    public static void AddSpinGrains(ISiloBuilder silo, string path)
    {
        silo.Services.AddSingleton(Options.Create(new StorageOptions { Path = path }));
        silo.Services.AddSingleton<RocksStore>();
        // Fetching uri_data is covered end to end against a real HTTP server in Gateway.Tests.
        silo.Services.AddSingleton(Options.Create(new MetadataOptions { Enabled = false }));
        silo.Services.AddSingleton(sp => new MetadataFetcher(new HttpClient(), sp.GetRequiredService<IOptions<MetadataOptions>>()));
        foreach (var storage in new[] { "rocks", MintGrain.ManifestStorage })
        {
            silo.Services.AddGrainStorage(storage, (sp, name) =>
                new RocksGrainStorage(name, sp.GetRequiredService<RocksStore>(), sp.GetRequiredService<IGrainStorageSerializer>()));
        }

        silo.AddSpinPlacement();
    }

    /// <summary>The silo's grain storage provider of the given name.</summary>
    public IGrainStorage Storage(string name) =>
        Cluster.GetSiloServiceProvider(Cluster.Silos[0].SiloAddress).GetRequiredKeyedService<IGrainStorage>(name);

    /// <summary>The silo's grain state serializer.</summary>
    public IGrainStorageSerializer Serializer =>
        Cluster.GetSiloServiceProvider(Cluster.Silos[0].SiloAddress).GetRequiredService<IGrainStorageSerializer>();

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
        Directory.Delete(_path, recursive: true);
    }
}

/// <summary>Shares one cluster among the grain tests.</summary>
[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    /// <summary>The collection name.</summary>
    public const string Name = "Cluster";
}
