using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Spin.Gateway.Tests.Infrastructure;

/// <summary>The standalone product (Gateway co-hosting a silo) as a real process on free ports.</summary>
public sealed class GatewayProcess : IAsyncDisposable
{
    private readonly TestProcess _process;

    private GatewayProcess(TestProcess process, int port, string dataPath)
    {
        _process = process;
        DataPath = dataPath;
        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(30) };
    }

    /// <summary>A client for the product's HTTP API.</summary>
    public HttpClient Http { get; }

    /// <summary>The data directory (reused across restarts).</summary>
    public string DataPath { get; }

    /// <summary>The process, for kills and output.</summary>
    public TestProcess Process => _process;

    /// <summary>Starts the product against a simulator, with its data under <paramref name="dataPath"/>.</summary>
    public static Task<GatewayProcess> StartAsync(SimulatorProcess simulator, string dataPath, params string[] extra) =>
        StartAsync(simulator.RpcUrl, simulator.WsUrl, dataPath, extra);

    /// <summary>Starts the product against any RPC and PubSub endpoints, reachable or not.</summary>
    public static async Task<GatewayProcess> StartAsync(string rpcUrl, string wsUrl, string dataPath, params string[] extra)
    {
        var port = FreePort.Get();
        string[] arguments =
        [
            "--urls", $"http://127.0.0.1:{port}",
            "--Spin:Chain:RpcUrl", rpcUrl,
            "--Spin:Chain:WsUrl", wsUrl,
            "--Spin:Chain:ReconcileInterval", "00:00:01",
            "--Spin:Storage:Path", dataPath,
            "--Spin:Metadata:Enabled", "false",
            "--Spin:Cluster:SiloPort", FreePort.Get().ToString(),
            "--Spin:Cluster:GatewayPort", FreePort.Get().ToString(),
            .. extra,
        ];
        var process = TestProcess.Start("gateway", RepoPaths.GatewayDll, arguments);
        var gateway = new GatewayProcess(process, port, dataPath);
        await Eventually.HoldsAsync(gateway.IsAliveAsync, TimeSpan.FromSeconds(60), "the gateway to answer /alive");
        return gateway;
    }

    /// <summary>GET a JSON document.</summary>
    public async Task<JsonObject> GetJsonAsync(string path) => (await Http.GetFromJsonAsync<JsonObject>(path))!;

    /// <summary>Every event of a mint, oldest first, read page by page.</summary>
    public async Task<List<JsonObject>> GetAllEventsAsync(string mint, int pageSize = 1000)
    {
        var all = new List<JsonObject>();
        for (var page = 1; ; page++)
        {
            var data = (await GetJsonAsync($"api/events?mint={mint}&order_by=slot_asc&limit={pageSize}&page={page}"))["data"]!;
            all.AddRange(data["events"]!.AsArray().Select(e => e!.AsObject()));
            if (!data["has_next"]!.GetValue<bool>())
            {
                return all;
            }
        }
    }

    /// <summary>The number of events the product holds for a mint.</summary>
    public async Task<long> CountEventsAsync(string mint) =>
        (await GetJsonAsync($"api/events?mint={mint}&limit=1"))["data"]!["total"]!.GetValue<long>();

    /// <summary>Waits until every mint holds as many events as the simulator's ground truth.</summary>
    public Task WaitForEventCountsAsync(IReadOnlyDictionary<string, List<JsonObject>> truth, TimeSpan timeout) =>
        Eventually.HoldsAsync(async () =>
        {
            foreach (var (mint, events) in truth)
            {
                var stored = await CountEventsAsync(mint);
                if (stored != events.Count)
                {
                    return (false, $"{mint}: {stored} of {events.Count}");
                }
            }

            return (true, "all counts equal");
        }, timeout, "every mint to hold as many events as the truth");

    /// <summary>Waits until every mint of the co-hosted silo has handed its newest listing to the catalog
    /// (<c>spin_catalog_pending</c> is 0): the catalog may trail a batch; users' histories never do.</summary>
    public Task WaitForCatalogAsync(TimeSpan timeout) =>
        Eventually.HoldsAsync(async () =>
        {
            var pending = (await Http.GetStringAsync("metrics")).Split('\n')
                .Where(line => line.StartsWith("spin_catalog_pending ", StringComparison.Ordinal) || line.StartsWith("spin_catalog_pending{", StringComparison.Ordinal))
                .Select(line => line.Split(' ')[1])
                .ToList();
            return (pending.Count > 0 && pending.All(value => value == "0"), $"spin_catalog_pending {string.Join(", ", pending)}");
        }, timeout, "the catalog to take every mint's newest listing");

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _process.DisposeAsync();
    }

    private async Task<(bool, string)> IsAliveAsync()
    {
        if (_process.HasExited)
        {
            throw new InvalidOperationException($"The gateway exited:{Environment.NewLine}{_process.Tail()}");
        }

        using var response = await Http.GetAsync("alive");
        return (response.IsSuccessStatusCode, response.StatusCode.ToString());
    }
}
