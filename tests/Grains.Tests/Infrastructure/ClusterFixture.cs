using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.TestingHost;
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
            silo.Services.AddSingleton(Options.Create(new StorageOptions { Path = _path }));
            silo.Services.AddSingleton<RocksStore>();
        });
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

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
