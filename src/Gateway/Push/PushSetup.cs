using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace Spin.Gateway.Push;

/// <summary>Registers SignalR, the hub and this gateway's feeds.</summary>
public static class PushSetup
{
    /// <summary>The hub's path.</summary>
    public const string HubPath = "/hubs/market";

    /// <summary>Adds the push services.</summary>
    public static WebApplicationBuilder AddSpinPush(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<PushOptions>().BindConfiguration(PushOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSignalR().AddJsonProtocol(json => json.PayloadSerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower);
        // The global options: SignalR copies them into every hub's own, over anything set on those directly.
        builder.Services.AddOptions<HubOptions>()
            .Configure<IOptions<PushOptions>>((hub, push) => hub.MaximumReceiveMessageSize = push.Value.MaxMessageBytes);
        builder.Services.AddSingleton<PushStats>();
        builder.Services.AddSingleton<PushMetrics>();
        builder.Services.AddSingleton<MarketFeeds>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<MarketFeeds>());
        return builder;
    }

    /// <summary>Maps the hub.</summary>
    public static WebApplication MapSpinPush(this WebApplication app)
    {
        app.MapHub<MarketHub>(HubPath);
        app.Services.GetRequiredService<PushMetrics>();
        return app;
    }
}
