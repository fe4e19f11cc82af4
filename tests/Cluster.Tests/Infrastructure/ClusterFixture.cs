using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using Orleans.Storage;

namespace Spin.Cluster.Tests.Infrastructure;

/// <summary>A real silo and a real client, both clustered through the ADO.NET provider on a fresh PostgreSQL database
/// that also holds the silo's grain state and reminders.</summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    /// <summary>The grain storage provider backed by PostgreSQL.</summary>
    public const string StorageName = "postgres";

    /// <summary>The same, with <c>DeleteStateOnClear</c>: clearing deletes the row.</summary>
    public const string DeletingStorageName = "postgres-delete";

    private const string Invariant = "Npgsql";

    /// <summary>The database of this cluster.</summary>
    public TestDatabase Database { get; private set; } = null!;

    /// <summary>The cluster id (the membership DeploymentId).</summary>
    public string ClusterId { get; } = $"spin-test-{Guid.NewGuid():N}";

    /// <summary>The service id (the ServiceId of grain state and reminders).</summary>
    public string ServiceId { get; } = $"spin-test-{Guid.NewGuid():N}";

    /// <summary>The silo's silo-to-silo port.</summary>
    public int SiloPort { get; } = FreePort();

    /// <summary>The silo's gateway port.</summary>
    public int GatewayPort { get; } = FreePort();

    /// <summary>The running silo.</summary>
    public IHost Silo { get; private set; } = null!;

    /// <summary>The connected client's host.</summary>
    public IHost Client { get; private set; } = null!;

    /// <summary>The connected client.</summary>
    public IClusterClient ClusterClient => Client.Services.GetRequiredService<IClusterClient>();

    /// <summary>The silo's PostgreSQL grain storage provider of the given name.</summary>
    public IGrainStorage Storage(string name = StorageName) => Silo.Services.GetRequiredKeyedService<IGrainStorage>(name);

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync();
        Silo = await StartAsync(builder => builder.UseOrleans(silo => silo
            .Configure<ClusterOptions>(Identify)
            .ConfigureEndpoints(IPAddress.Loopback, SiloPort, GatewayPort)
            .UseAdoNetClustering(options => (options.Invariant, options.ConnectionString) = (Invariant, Database.ConnectionString))
            .AddAdoNetGrainStorage(StorageName, options => (options.Invariant, options.ConnectionString) = (Invariant, Database.ConnectionString))
            .AddAdoNetGrainStorage(DeletingStorageName, options =>
                (options.Invariant, options.ConnectionString, options.DeleteStateOnClear) = (Invariant, Database.ConnectionString, true))
            .UseAdoNetReminderService(options => (options.Invariant, options.ConnectionString) = (Invariant, Database.ConnectionString))));
        Client = await StartAsync(builder => builder.UseOrleansClient(client => client
            .Configure<ClusterOptions>(Identify)
            .UseAdoNetClustering(options => (options.Invariant, options.ConnectionString) = (Invariant, Database.ConnectionString))));
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        await Client.StopAsync();
        Client.Dispose();
        await Silo.StopAsync();
        Silo.Dispose();
        await Database.DisposeAsync();
    }

    private void Identify(ClusterOptions options) => (options.ClusterId, options.ServiceId) = (ClusterId, ServiceId);

    private static async Task<IHost> StartAsync(Action<HostApplicationBuilder> configure)
    {
        // No default configuration sources: nothing from the environment or the working directory leaks in.
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        configure(builder);
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>Shares one cluster among the tests.</summary>
[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    /// <summary>The collection name.</summary>
    public const string Name = "Cluster";
}
