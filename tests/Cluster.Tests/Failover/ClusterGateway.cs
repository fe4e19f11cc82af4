using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Spin.Gateway.Tests.Infrastructure;

namespace Spin.Cluster.Tests.Failover;

/// <summary>A Gateway process in client mode: an Orleans client that finds the silos in the membership table and
/// serves the HTTP API and the SignalR hub.</summary>
public sealed class ClusterGateway : IAsyncDisposable
{
    private ClusterGateway(string name, int port, TestProcess process)
    {
        Name = name;
        Process = process;
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
        Http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        Probe = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
    }

    /// <summary>gateway-1, gateway-2, ...</summary>
    public string Name { get; }

    /// <summary>The HTTP address.</summary>
    public Uri BaseAddress { get; }

    /// <summary>A client for the API.</summary>
    public HttpClient Http { get; }

    /// <summary>A client with a 2 s timeout, for availability probes that must not hang on a dead silo.</summary>
    public HttpClient Probe { get; }

    /// <summary>The process.</summary>
    public TestProcess Process { get; }

    /// <summary>Starts a client-mode gateway and waits until it reaches the cluster (its /health counts the mints).</summary>
    public static async Task<ClusterGateway> StartAsync(string name, IEnumerable<string> clusterArguments, TimeSpan timeout)
    {
        var port = FreePort.Get();
        var process = TestProcess.Start(name, RepoPaths.GatewayDll,
        [
            "--urls", $"http://127.0.0.1:{port}", "--Spin:Cluster:Mode", "Client", "--Spin:Metadata:Enabled", "false", .. clusterArguments,
        ]);
        var gateway = new ClusterGateway(name, port, process);
        try
        {
            await Eventually.HoldsAsync(async () =>
            {
                if (process.HasExited)
                {
                    throw new InvalidOperationException($"{name} exited while starting:{Environment.NewLine}{process.Tail()}");
                }

                var health = await gateway.Http.GetFromJsonAsync<JsonObject>("health");
                return (health?["mint_count"]?.GetValue<long>() >= 0, health?.ToJsonString() ?? "no body");
            }, timeout, $"{name} to reach the cluster");
        }
        catch
        {
            await gateway.DisposeAsync();
            throw;
        }

        return gateway;
    }

    /// <summary>GET a JSON document.</summary>
    public async Task<JsonObject> GetJsonAsync(string path) => (await Http.GetFromJsonAsync<JsonObject>(path))!;

    /// <summary>Every event of a mint, oldest first, read page by page.</summary>
    public async Task<List<JsonObject>> GetAllEventsAsync(string mint)
    {
        var all = new List<JsonObject>();
        for (var page = 1; ; page++)
        {
            var data = (await GetJsonAsync($"api/events?mint={mint}&order_by=slot_asc&limit=1000&page={page}"))["data"]!;
            all.AddRange(data["events"]!.AsArray().Select(e => e!.AsObject()));
            if (!data["has_next"]!.GetValue<bool>())
            {
                return all;
            }
        }
    }

    /// <summary>The number of events the cluster serves for a mint.</summary>
    public async Task<long> CountEventsAsync(string mint) =>
        (await GetJsonAsync($"api/events?mint={mint}&limit=1"))["data"]!["total"]!.GetValue<long>();

    /// <summary>Where the cluster placed a mint: <c>GET /cluster/placement?mint=</c> (silo, replica, last_seq, syncing).</summary>
    public async Task<JsonObject> GetPlacementAsync(string mint)
    {
        using var response = await Http.GetAsync($"cluster/placement?mint={mint}");
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"GET /cluster/placement?mint={mint} answered {(int)response.StatusCode}: {body}");
        }

        return JsonNode.Parse(body)!.AsObject();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        Probe.Dispose();
        await Process.DisposeAsync();
    }
}
