using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Spin.Gateway.Tests.Infrastructure;

/// <summary>The Gateway in-process (co-hosted silo, real RocksDB in a temporary directory) with the chain
/// listener off, for API tests that need no chain.</summary>
public sealed class GatewayFactory : WebApplicationFactory<Program>
{
    private readonly string _path = Directory.CreateTempSubdirectory("spin-gateway-").FullName;

    /// <inheritdoc />
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Spin:Chain:ListenerEnabled", "false");
        builder.UseSetting("Spin:Storage:Path", _path);
        builder.UseSetting("Spin:Cluster:SiloPort", FreePort.Get().ToString());
        builder.UseSetting("Spin:Cluster:GatewayPort", FreePort.Get().ToString());
    }

    /// <inheritdoc />
    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(_path, recursive: true);
    }
}
