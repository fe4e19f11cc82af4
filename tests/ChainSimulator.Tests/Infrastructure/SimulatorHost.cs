using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Spin.ChainSimulator.Ledger;

namespace Spin.ChainSimulator.Tests.Infrastructure;

/// <summary>The simulator started in-process on a free port pair (JSON-RPC on Port, PubSub on Port + 1).</summary>
public sealed class SimulatorHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private SimulatorHost(WebApplication app, int port)
    {
        _app = app;
        Port = port;
        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(30) };
    }

    /// <summary>The JSON-RPC port.</summary>
    public int Port { get; }

    /// <summary>A client of the RPC port.</summary>
    public HttpClient Http { get; }

    /// <summary>The PubSub endpoint.</summary>
    public Uri PubSubUri => new($"ws://127.0.0.1:{Port + 1}/");

    /// <summary>The simulated chain.</summary>
    public ChainLedger Ledger => _app.Services.GetRequiredService<ChainLedger>();

    /// <summary>The chain producer.</summary>
    public ChainProducer Producer => _app.Services.GetRequiredService<ChainProducer>();

    /// <summary>Starts the simulator with the given switches (e.g. <c>--prefill 100</c>).</summary>
    public static async Task<SimulatorHost> StartAsync(params string[] options)
    {
        for (var attempt = 0; ; attempt++)
        {
            var port = FreePortPair();
            var app = SimulatorApp.Build(["--port", port.ToString(), "--Logging:LogLevel:Default", "Warning", .. options]);
            try
            {
                await app.StartAsync();
                return new SimulatorHost(app, port);
            }
            catch (IOException) when (attempt < 5)
            {
                // Another process took one of the ports between the probe and the bind; try another pair.
                await app.DisposeAsync();
            }
        }
    }

    /// <summary>Posts a raw JSON-RPC body and returns the raw response body.</summary>
    public async Task<string> PostAsync(string body)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await Http.PostAsync("", content);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>Calls one method and returns the whole response object.</summary>
    public async Task<JsonElement> CallAsync(string method, string parameters = "[]")
    {
        var body = await PostAsync($$"""{"jsonrpc":"2.0","id":1,"method":"{{method}}","params":{{parameters}}}""");
        return JsonDocument.Parse(body).RootElement;
    }

    /// <summary>Calls one method and returns its result, failing on an error answer.</summary>
    public async Task<JsonElement> ResultAsync(string method, string parameters = "[]")
    {
        var response = await CallAsync(method, parameters);
        Assert.False(response.TryGetProperty("error", out var error), error.ToString());
        return response.GetProperty("result");
    }

    /// <summary>GETs a JSON document from the RPC port (control endpoints, truth).</summary>
    public async Task<JsonElement> GetJsonAsync(string path) => JsonDocument.Parse(await Http.GetStringAsync(path)).RootElement;

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static int FreePortPair()
    {
        while (true)
        {
            using var first = new TcpListener(IPAddress.Loopback, 0);
            first.Start();
            var port = ((IPEndPoint)first.LocalEndpoint).Port;
            if (port >= 65535)
            {
                continue;
            }

            try
            {
                using var second = new TcpListener(IPAddress.Loopback, port + 1);
                second.Start();
                return port;
            }
            catch (SocketException)
            {
                // The next port is taken; probe another pair.
            }
        }
    }
}
