using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Spin.Gateway.Tests.Infrastructure;

/// <summary>A silo as its own process (the chain listener and the silo-local RocksDB), on fixed ports so that it can be
/// killed and started again where gateways expect it.</summary>
public sealed class SiloProcess : IAsyncDisposable
{
    private readonly HttpClient _http;

    private SiloProcess(TestProcess process, int httpPort, int gatewayPort)
    {
        Process = process;
        GatewayPort = gatewayPort;
        _http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}/"), Timeout = TimeSpan.FromSeconds(10) };
    }

    /// <summary>The process.</summary>
    public TestProcess Process { get; }

    /// <summary>The Orleans gateway port clients connect to.</summary>
    public int GatewayPort { get; }

    /// <summary>Starts a silo indexing the simulator, with its data under <paramref name="dataPath"/>.</summary>
    public static async Task<SiloProcess> StartAsync(SimulatorProcess simulator, string dataPath, int httpPort, int siloPort, int gatewayPort)
    {
        string[] arguments =
        [
            "--urls", $"http://127.0.0.1:{httpPort}",
            "--Spin:Chain:RpcUrl", simulator.RpcUrl,
            "--Spin:Chain:WsUrl", simulator.WsUrl,
            "--Spin:Chain:ReconcileInterval", "00:00:01",
            "--Spin:Storage:Path", dataPath,
            "--Spin:Metadata:Enabled", "false",
            "--Spin:Cluster:SiloPort", siloPort.ToString(),
            "--Spin:Cluster:GatewayPort", gatewayPort.ToString(),
        ];
        var silo = new SiloProcess(TestProcess.Start("silo", RepoPaths.SiloDll, arguments), httpPort, gatewayPort);
        await Eventually.HoldsAsync(async () =>
        {
            if (silo.Process.HasExited)
            {
                throw new InvalidOperationException($"the silo exited:\n{silo.Process.Tail()}");
            }

            var alive = await silo._http.GetFromJsonAsync<JsonObject>("alive");
            return (alive is not null, alive?.ToJsonString() ?? "nothing");
        }, TimeSpan.FromSeconds(60), "the silo to answer /alive");
        return silo;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await Process.DisposeAsync();
    }
}
