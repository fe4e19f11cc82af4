using Spin.Gateway.Tests.Infrastructure;

namespace Spin.Gateway.Tests.Api;

/// <summary>A Gateway that fetches token metadata from a local <see cref="MetadataServer"/>, which is also its IPFS
/// gateway (<c>/ipfs/</c>), with fast retries and a small body limit.</summary>
public sealed class UriDataFixture : IAsyncLifetime
{
    /// <summary>Spin:Metadata:MaxAttempts.</summary>
    public const int MaxAttempts = 3;

    /// <summary>Spin:Metadata:MaxBytes.</summary>
    public const int MaxBytes = 1024;

    /// <summary>The metadata server.</summary>
    public MetadataServer Server { get; private set; } = null!;

    /// <summary>The Gateway with its co-hosted silo.</summary>
    public GatewayFactory Gateway { get; private set; } = null!;

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        Server = await MetadataServer.StartAsync();
        Gateway = new GatewayFactory
        {
            Settings = new Dictionary<string, string?>
            {
                ["Spin:Metadata:Enabled"] = "true",
                ["Spin:Metadata:IpfsGateway"] = $"{Server.BaseUrl}/ipfs/",
                ["Spin:Metadata:Timeout"] = "00:00:05",
                ["Spin:Metadata:MaxAttempts"] = MaxAttempts.ToString(),
                ["Spin:Metadata:RetryDelay"] = "00:00:00.020",
                ["Spin:Metadata:MaxBytes"] = MaxBytes.ToString(),
                ["Spin:Metadata:AllowPrivateNetworks"] = "true",
            },
        };
        Gateway.StartServer();
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        await Gateway.DisposeAsync();
        await Server.DisposeAsync();
    }
}
