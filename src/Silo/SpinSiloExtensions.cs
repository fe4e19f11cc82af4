using System.Net;
using System.Net.Sockets;
using Orleans.Configuration;
using Orleans.Dashboard;
using Microsoft.Extensions.Options;
using Orleans.Runtime.Hosting;
using Orleans.Storage;
using Spin.Chain.Rpc;
using Spin.Chain.SpinPet;
using Spin.Grains;
using Spin.Grains.Details;
using Spin.Grains.Mints;
using Spin.Grains.Storage;
using Spin.Silo.Ingest;
using Spin.Silo.Memory;
using Spin.Silo.Telemetry;

namespace Spin.Silo;

/// <summary>Registers everything a Spin silo runs: the silo-local store, the token metadata fetcher, the chain client
/// and the listener, and the Orleans silo itself.</summary>
public static class SpinSiloExtensions
{
    /// <summary>The grain storage provider name of the silo-local RocksDB (standalone grain state).</summary>
    public const string RocksGrainStorageName = "rocks";

    /// <summary>Adds a standalone silo (localhost clustering) with the store and the chain listener.</summary>
    public static IHostApplicationBuilder AddSpinStandaloneSilo(this IHostApplicationBuilder builder)
    {
        var cluster = builder.Configuration.GetSection(SpinClusterOptions.SectionName).Get<SpinClusterOptions>() ?? new();
        builder.Services.AddOptions<SpinClusterOptions>().BindConfiguration(SpinClusterOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.UseOrleans(silo =>
        {
            silo.AddDashboard();
            silo.AddSpinPlacement();
            if (cluster.Membership == MembershipProvider.AdoNet)
            {
                var connectionString = RequireConnectionString(cluster);
                silo.Configure<ClusterOptions>(options => (options.ClusterId, options.ServiceId) = (cluster.ClusterId, cluster.ServiceId))
                    .Configure<SiloOptions>(options => options.SiloName = cluster.SiloName ?? Environment.MachineName)
                    .Configure<ClusterMembershipOptions>(options =>
                    {
                        // A dead silo's mints move to their replicas once it is declared dead: keep that within seconds.
                        options.ProbeTimeout = cluster.ProbeTimeout;
                        options.NumMissedProbesLimit = cluster.MissedProbesLimit;
                        options.TableRefreshTimeout = cluster.TableRefreshTimeout;
                    })
                    .Configure<SiloMessagingOptions>(options => (options.ResponseTimeout, options.PlacementTimeout) = (cluster.ResponseTimeout, cluster.ResponseTimeout))
                    .ConfigureEndpoints(AdvertisedAddress(cluster), cluster.SiloPort, cluster.GatewayPort, listenOnAnyHostAddress: true)
                    .UseAdoNetClustering(options => (options.Invariant, options.ConnectionString) = (NpgsqlInvariant, connectionString))
                    .AddAdoNetGrainStorage(MintGrain.ManifestStorage, options => (options.Invariant, options.ConnectionString) = (NpgsqlInvariant, connectionString));
            }
            else
            {
                silo.UseLocalhostClustering(cluster.SiloPort, cluster.GatewayPort);
                silo.Services.AddGrainStorage(MintGrain.ManifestStorage, (sp, name) =>
                    new RocksGrainStorage(name, sp.GetRequiredService<RocksStore>(), sp.GetRequiredService<IGrainStorageSerializer>()));
            }
        });
        builder.AddSpinGrainCollection();
        return builder.AddSpinSiloServices();
    }

    /// <summary>Deactivates grains idle for <see cref="SpinGrainOptions.CollectionAge"/> and hands their memory back once the
    /// silo is idle (<c>Spin:Grains</c>).</summary>
    public static IHostApplicationBuilder AddSpinGrainCollection(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<SpinGrainOptions>().BindConfiguration(SpinGrainOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<GrainCollectionOptions>().Configure<IOptions<SpinGrainOptions>>((collection, grains) =>
            (collection.CollectionAge, collection.CollectionQuantum) = (grains.Value.CollectionAge, grains.Value.CollectionQuantum));
        builder.Services.AddSingleton<IdleMemoryTrimmer>();
        builder.Services.AddSingleton<IActivationWorkingSetObserver>(sp => sp.GetRequiredService<IdleMemoryTrimmer>());
        builder.Services.AddHostedService(sp => sp.GetRequiredService<IdleMemoryTrimmer>());
        return builder;
    }

    /// <summary>The ADO.NET invariant of PostgreSQL's provider.</summary>
    public const string NpgsqlInvariant = "Npgsql";

    /// <summary>The membership connection string, or a clear error when it is missing.</summary>
    public static string RequireConnectionString(SpinClusterOptions cluster) =>
        string.IsNullOrWhiteSpace(cluster.ConnectionString)
            ? throw new InvalidOperationException("Spin:Cluster:ConnectionString is required when Spin:Cluster:Membership is AdoNet.")
            : cluster.ConnectionString;

    private static IPAddress AdvertisedAddress(SpinClusterOptions cluster)
    {
        if (!string.IsNullOrWhiteSpace(cluster.AdvertisedAddress))
        {
            return IPAddress.TryParse(cluster.AdvertisedAddress, out var address) ? address
                : Dns.GetHostAddresses(cluster.AdvertisedAddress).First(a => a.AddressFamily == AddressFamily.InterNetwork);
        }

        return Dns.GetHostAddresses(Dns.GetHostName()).FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a))
            ?? IPAddress.Loopback;
    }

    /// <summary>Adds the store, the token metadata fetcher, the Solana client, the mints' chain history and the chain listener.</summary>
    public static IHostApplicationBuilder AddSpinSiloServices(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ChainOptions>().BindConfiguration(ChainOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<RocksStore>();
        services.AddGrainStorage(RocksGrainStorageName, (sp, name) =>
            new RocksGrainStorage(name, sp.GetRequiredService<RocksStore>(), sp.GetRequiredService<IGrainStorageSerializer>()));
        services.AddOptions<MetadataOptions>().BindConfiguration(MetadataOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        // The grain logs each token's outcome; per-request logs of one fetch per new token would only be noise.
        services.AddHttpClient<MetadataFetcher>()
            .RemoveAllLoggers()
            .ConfigurePrimaryHttpMessageHandler(sp => MetadataHttpHandler.Create(sp.GetRequiredService<IOptions<MetadataOptions>>().Value))
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
        services.AddSingleton<DecodeStats>();
        services.AddSingleton<IngestStats>();
        services.AddSingleton<BlockTimeCache>();
        services.AddSingleton<IngestMetrics>();
        services.AddSingleton(sp => new SolanaRpcOptions
        {
            RpcUrl = new Uri(sp.GetRequiredService<IOptions<ChainOptions>>().Value.RpcUrl),
            Commitment = sp.GetRequiredService<IOptions<ChainOptions>>().Value.Commitment,
        });
        services.AddSingleton(sp => new SolanaRpcClient(
            new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }),
            sp.GetRequiredService<SolanaRpcOptions>(),
            sp.GetRequiredService<ILogger<SolanaRpcClient>>()));
        services.AddSingleton(sp => new PubSubOptions { WsUrl = new Uri(sp.GetRequiredService<IOptions<ChainOptions>>().Value.WsUrl) });
        services.AddSingleton<SolanaLogsSubscriber>();
        services.AddSingleton<IMintChainHistory, ChainMintHistory>();
        return builder.AddSpinChainListener();
    }
}
