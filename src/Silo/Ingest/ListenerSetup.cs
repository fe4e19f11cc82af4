using Microsoft.Extensions.Options;

namespace Spin.Silo.Ingest;

/// <summary>Registers the chain listener with its durable cursor: in the silo-local RocksDB with localhost membership
/// (standalone, no database), under the listener lease in PostgreSQL with AdoNet membership (cluster mode).</summary>
public static class ListenerSetup
{
    /// <summary>Adds the cursor store, the reconciler and the listener.</summary>
    public static IHostApplicationBuilder AddSpinChainListener(this IHostApplicationBuilder builder)
    {
        var cluster = builder.Configuration.GetSection(SpinClusterOptions.SectionName).Get<SpinClusterOptions>() ?? new();
        var services = builder.Services;
        if (cluster.Membership == MembershipProvider.AdoNet)
        {
            var connectionString = SpinSiloExtensions.RequireConnectionString(cluster);
            services.AddSingleton(sp =>
            {
                var chain = sp.GetRequiredService<IOptions<ChainOptions>>().Value;
                return new PostgresListenerLease(connectionString, cluster.ServiceId, chain.ProgramId, SiloName(cluster), chain.LeaseDuration);
            });
            services.AddSingleton<IChainCursorStore>(sp => sp.GetRequiredService<PostgresListenerLease>());
        }
        else
        {
            services.AddSingleton<IChainCursorStore, ChainCursorStore>();
        }

        services.AddSingleton<ChainReconciler>();
        services.AddSingleton<ChainListener>();
        services.AddHostedService(sp => sp.GetRequiredService<ChainListener>());
        return builder;
    }

    /// <summary>This silo's name: <c>Spin:Cluster:SiloName</c>, else the host name (as the Orleans silo is named).</summary>
    public static string SiloName(SpinClusterOptions cluster) => cluster.SiloName ?? Environment.MachineName;
}
