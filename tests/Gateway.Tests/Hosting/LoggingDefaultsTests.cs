using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Spin.Silo.Telemetry;

namespace Spin.Gateway.Tests.Hosting;

/// <summary>Without an appsettings.json (a process started outside its content root), Orleans and Polly log warnings
/// only, the product's own categories information; any configuration source still overrides the defaults.</summary>
public sealed class LoggingDefaultsTests
{
    [Fact]
    public void OrleansAndPollyLogWarningsOnlyAndTheProductLogsInformation()
    {
        using var host = Build([]);
        var loggers = host.Services.GetRequiredService<ILoggerFactory>();

        Assert.False(loggers.CreateLogger("Polly").IsEnabled(LogLevel.Information));
        Assert.True(loggers.CreateLogger("Polly").IsEnabled(LogLevel.Warning));
        Assert.False(loggers.CreateLogger("Orleans.Runtime.Placement.PlacementService").IsEnabled(LogLevel.Information));
        Assert.True(loggers.CreateLogger("Spin.Silo.Ingest.ChainListener").IsEnabled(LogLevel.Information));
    }

    [Fact]
    public void TheCommandLineStillOverridesThem()
    {
        using var host = Build(["--Logging:LogLevel:Polly=Debug"]);

        Assert.True(host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Polly").IsEnabled(LogLevel.Debug));
    }

    private static IHost Build(string[] args)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = Path.GetTempPath() });
        builder.AddSpinLoggingDefaults();
        return builder.Build();
    }
}
