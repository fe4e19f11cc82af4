using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Spin.Bench.Push;

/// <summary>This program in its other role: the baseline's server process (<c>serve-baseline --urls …</c>), Kestrel
/// with <see cref="BaselineHub"/> at the product's hub path and the product's JSON settings.</summary>
public static class BaselineHost
{
    /// <summary>The first argument that selects this role.</summary>
    public const string Command = "serve-baseline";

    /// <summary>Serves until the process is stopped.</summary>
    public static async Task RunAsync(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args.Skip(1).ToArray());
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSignalR()
            .AddJsonProtocol(json => json.PayloadSerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower);
        var app = builder.Build();
        app.MapGet("/alive", () => "ok");
        app.MapHub<BaselineHub>("/hubs/market");
        await app.RunAsync();
    }
}
