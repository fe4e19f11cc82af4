using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Spin.Gateway.Tests.Infrastructure;

/// <summary>The Gateway in-process (co-hosted silo, real RocksDB in a temporary directory) with the chain
/// listener off and token metadata fetching off (no test reaches the internet), for API tests that need no chain.</summary>
public sealed class GatewayFactory : WebApplicationFactory<Program>
{
    private readonly string _path = Directory.CreateTempSubdirectory("spin-gateway-").FullName;

    /// <summary>Configuration applied over the defaults, e.g. <c>Spin:Metadata:*</c>.</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>();

    /// <inheritdoc />
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Spin:Chain:ListenerEnabled", "false");
        builder.UseSetting("Spin:Storage:Path", _path);
        builder.UseSetting("Spin:Cluster:SiloPort", FreePort.Get().ToString());
        builder.UseSetting("Spin:Cluster:GatewayPort", FreePort.Get().ToString());
        builder.UseSetting("Spin:Metadata:Enabled", "false");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <inheritdoc />
    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(_path, recursive: true);
    }
}
