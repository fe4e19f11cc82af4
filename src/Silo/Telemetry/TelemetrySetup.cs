using OpenTelemetry.Metrics;
using Spin.Grains.Placement;

namespace Spin.Silo.Telemetry;

/// <summary>OpenTelemetry metrics with the Prometheus exporter: our <c>Spin</c> meter, Orleans' meters, ASP.NET Core
/// request durations by route, and the .NET runtime; scraped at <c>/metrics</c>.</summary>
public static class TelemetrySetup
{
    /// <summary>Adds the metrics pipeline.</summary>
    public static IHostApplicationBuilder AddSpinTelemetry(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(IngestMetrics.MeterName, "Microsoft.Orleans")
            .AddAspNetCoreInstrumentation()
            .AddRuntimeInstrumentation()
            .AddPrometheusExporter());
        return builder;
    }

    /// <summary>Maps <c>/metrics</c>.</summary>
    public static IEndpointRouteBuilder MapSpinMetrics(this IEndpointRouteBuilder routes)
    {
        // The silo's instruments exist once created: create them now, even when the listener is off.
        routes.ServiceProvider.GetService<IngestMetrics>();
        routes.ServiceProvider.GetService<ReplicationMetrics>();
        routes.MapPrometheusScrapingEndpoint("/metrics");
        return routes;
    }
}
