using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Spin.Gateway.Tests.Infrastructure;

/// <summary>A real HTTP server (Kestrel on 127.0.0.1, a free port) serving scripted token metadata per path and
/// counting requests; any other path is a 404.</summary>
public sealed class MetadataServer : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, MetadataRoute> _routes = new();
    private readonly WebApplication _app;

    private MetadataServer(int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        _app = builder.Build();
        _app.Run(HandleAsync);
        BaseUrl = $"http://127.0.0.1:{port}";
    }

    /// <summary><c>http://127.0.0.1:port</c>, without a trailing slash.</summary>
    public string BaseUrl { get; }

    /// <summary>Starts a server on a free port.</summary>
    public static async Task<MetadataServer> StartAsync()
    {
        var server = new MetadataServer(FreePort.Get());
        await server._app.StartAsync();
        return server;
    }

    /// <summary>Serves <paramref name="responses"/> at <paramref name="path"/> one request after another, the last
    /// one for every further request.</summary>
    public MetadataRoute Serve(string path, params MetadataResponse[] responses)
    {
        var route = new MetadataRoute(responses);
        _routes[path] = route;
        return route;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        if (!_routes.TryGetValue(context.Request.Path.Value ?? "", out var route))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var response = route.Next();
        if (response.Hold is { } hold)
        {
            await hold.WaitAsync(context.RequestAborted);
        }

        var body = Encoding.UTF8.GetBytes(response.Body);
        context.Response.StatusCode = response.Status;
        context.Response.ContentType = response.ContentType;
        if (!response.Chunked)
        {
            context.Response.ContentLength = body.Length;
        }

        await context.Response.Body.WriteAsync(body, context.RequestAborted);
    }
}
