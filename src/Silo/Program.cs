using Spin.Silo.Health;
using Spin.Silo.Telemetry;

namespace Spin.Silo;

/// <summary>The silo process (cluster mode); standalone mode co-hosts the same silo in the Gateway.</summary>
public static class Program
{
    /// <summary>Runs the silo.</summary>
    public static void Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.AddSpinLoggingDefaults();
        builder.AddSpinStandaloneSilo();
        builder.AddSpinTelemetry();

        var app = builder.Build();
        app.MapGet("/alive", () => Results.Ok(new { status = "alive" }));
        app.MapSiloHealth();
        app.MapSpinMetrics();
        app.Run();
    }
}
