using System.Net;
using Orleans.Dashboard;
using Spin.Silo;

namespace Spin.Gateway;

/// <summary>Joins the Gateway to the cluster: co-hosting a silo (standalone) or as an Orleans client of separate silos.</summary>
public static class ClusterClientSetup
{
    /// <summary>The cluster mode from <c>Spin:Cluster:Mode</c>.</summary>
    public static ClusterMode ClusterMode(this IConfiguration configuration) =>
        (configuration.GetSection(SpinClusterOptions.SectionName).Get<SpinClusterOptions>() ?? new()).Mode;

    /// <summary>Adds the co-hosted silo, or the Orleans client in client mode.</summary>
    public static WebApplicationBuilder AddSpinCluster(this WebApplicationBuilder builder)
    {
        if (builder.Configuration.ClusterMode() == Silo.ClusterMode.Standalone)
        {
            builder.AddSpinStandaloneSilo();
            return builder;
        }

        var cluster = builder.Configuration.GetSection(SpinClusterOptions.SectionName).Get<SpinClusterOptions>() ?? new();
        builder.UseOrleansClient(client =>
        {
            client.AddDashboard();
            if (cluster.Membership == MembershipProvider.AdoNet)
            {
                client.Configure<Orleans.Configuration.ClusterOptions>(options => (options.ClusterId, options.ServiceId) = (cluster.ClusterId, cluster.ServiceId))
                    .UseAdoNetClustering(options =>
                        (options.Invariant, options.ConnectionString) = (SpinSiloExtensions.NpgsqlInvariant, SpinSiloExtensions.RequireConnectionString(cluster)));
            }
            else
            {
                client.UseStaticClustering((cluster.Gateways.Length == 0 ? ["127.0.0.1:30000"] : cluster.Gateways).Select(Parse).ToArray());
            }
        });
        // Look for returning gateways every few seconds rather than every minute, so that pushes resume soon after a
        // silo restarts.
        builder.Services.Configure<Orleans.Configuration.GatewayOptions>(gateways => gateways.GatewayListRefreshPeriod = TimeSpan.FromSeconds(2));
        builder.Services.Configure<Orleans.Configuration.ClientMessagingOptions>(messaging => messaging.ResponseTimeout = cluster.ResponseTimeout);
        // Resolved when it fires, not when the client is built: the feeds depend on the client.
        builder.Services.AddSingleton<GatewayCountChangedHandler>(services =>
            (_, change) => services.GetRequiredService<Push.MarketFeeds>().OnGatewayCountChanged(change));
        return builder;
    }

    private static IPEndPoint Parse(string endpoint)
    {
        var separator = endpoint.LastIndexOf(':');
        if (separator <= 0 || !int.TryParse(endpoint[(separator + 1)..], out var port))
        {
            throw new InvalidOperationException($"Spin:Cluster:Gateways entry '{endpoint}' must be host:port.");
        }

        var host = endpoint[..separator];
        var address = IPAddress.TryParse(host, out var ip) ? ip : Dns.GetHostAddresses(host).First();
        return new IPEndPoint(address, port);
    }
}
