using System.Text;
using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Spin.Chain.Tests.Rpc;

/// <summary>A real Kestrel server on a loopback port that answers JSON-RPC and WebSocket requests from a script.</summary>
public sealed class ScriptedNode : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ScriptedNode(WebApplication app) => _app = app;

    /// <summary>Answers an HTTP JSON-RPC request (body parsed) by writing the response.</summary>
    public Func<HttpContext, JsonElement, Task> Http { get; set; } = (c, _) => c.Response.WriteAsync("{}");

    /// <summary>Serves one accepted WebSocket.</summary>
    public Func<WebSocket, Task> Socket { get; set; } = _ => Task.CompletedTask;

    /// <summary>Whether to accept a WebSocket upgrade (false answers 503).</summary>
    public Func<bool> AcceptSocket { get; set; } = () => true;

    /// <summary>HTTP requests seen, in order.</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    /// <summary>The base URL.</summary>
    public Uri Url { get; private set; } = null!;

    /// <summary>The WebSocket URL.</summary>
    public Uri WsUrl => new($"ws://{Url.Authority}/");

    public static async Task<ScriptedNode> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var node = new ScriptedNode(app);
        app.UseWebSockets();
        app.Run(async context =>
        {
            if (context.WebSockets.IsWebSocketRequest)
            {
                if (!node.AcceptSocket())
                {
                    context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                    return;
                }

                using var socket = await context.WebSockets.AcceptWebSocketAsync();
                await node.Socket(socket);
                return;
            }

            using var body = await JsonDocument.ParseAsync(context.Request.Body);
            node.Requests.Enqueue(body.RootElement.GetRawText());
            await node.Http(context, body.RootElement);
        });
        await app.StartAsync();
        node.Url = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return node;
    }

    /// <summary>Sends one text message.</summary>
    public static Task SendAsync(WebSocket socket, string json) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, true, CancellationToken.None);

    /// <summary>Receives one whole text message, or null on close.</summary>
    public static async Task<JsonDocument?> ReceiveAsync(WebSocket socket)
    {
        var buffer = new byte[1 << 16];
        var length = 0;
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer.AsMemory(length), CancellationToken.None);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            length += result.Count;
            if (result.EndOfMessage)
            {
                return JsonDocument.Parse(buffer.AsMemory(0, length));
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
