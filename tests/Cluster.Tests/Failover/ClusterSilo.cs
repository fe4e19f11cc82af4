using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Spin.Gateway.Tests.Infrastructure;

namespace Spin.Cluster.Tests.Failover;

/// <summary>One silo process with a stable name, ports chosen once and its own RocksDB directory, so that it can be
/// SIGKILLed or stopped and started again as the same member with the same data.</summary>
public sealed class ClusterSilo : IAsyncDisposable
{
    private readonly IReadOnlyList<string> _arguments;
    private readonly List<string> _previousRuns = [];

    internal ClusterSilo(string name, string dataPath, Func<ClusterSilo, IEnumerable<string>> arguments)
    {
        Name = name;
        DataPath = dataPath;
        (HttpPort, SiloPort, GatewayPort) = (FreePort.Get(), FreePort.Get(), FreePort.Get());
        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{HttpPort}/"), Timeout = TimeSpan.FromSeconds(3) };
        _arguments = [.. arguments(this)];
    }

    /// <summary>The stable silo name (Spin:Cluster:SiloName).</summary>
    public string Name { get; }

    /// <summary>The RocksDB directory, kept across restarts.</summary>
    public string DataPath { get; }

    /// <summary>The HTTP port (/alive, /health, /metrics).</summary>
    public int HttpPort { get; }

    /// <summary>The silo-to-silo port.</summary>
    public int SiloPort { get; }

    /// <summary>The Orleans gateway port.</summary>
    public int GatewayPort { get; }

    /// <summary>A client of the silo's HTTP endpoints with a short timeout (a dead silo must not stall a probe).</summary>
    public HttpClient Http { get; }

    /// <summary>The current process, if it was started.</summary>
    public TestProcess? Process { get; private set; }

    /// <summary>True while the process runs.</summary>
    public bool IsRunning => Process is { HasExited: false };

    /// <summary>Starts the process (again) and waits until it answers <c>/alive</c>.</summary>
    public async Task StartAsync(TimeSpan timeout)
    {
        if (IsRunning)
        {
            throw new InvalidOperationException($"{Name} is already running.");
        }

        await RetireProcessAsync();
        Process = TestProcess.Start(Name, RepoPaths.SiloDll, _arguments);
        await Eventually.HoldsAsync(async () =>
        {
            if (Process.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited while starting:{Environment.NewLine}{Tail()}");
            }

            using var response = await Http.GetAsync("alive");
            return (response.IsSuccessStatusCode, response.StatusCode.ToString());
        }, timeout, $"{Name} to answer /alive");
    }

    /// <summary>SIGKILL: no shutdown code runs, as in a crash.</summary>
    public async Task KillAsync()
    {
        if (Process is not null)
        {
            await Process.KillAsync();
        }
    }

    /// <summary>SIGTERM and wait; false if it had to be SIGKILLed after <paramref name="timeout"/>.</summary>
    public async Task<bool> StopAsync(TimeSpan timeout) => Process is null || await ProcessSignals.TerminateAsync(Process, timeout);

    /// <summary>Deletes the RocksDB directory and creates it empty, as a replaced disk: the silo starts again with none
    /// of its data (the PostgreSQL manifests and membership rows stay). Only while the silo is down.</summary>
    public void WipeData()
    {
        if (IsRunning)
        {
            throw new InvalidOperationException($"{Name} is running: its disk can only be replaced while it is down.");
        }

        if (Directory.Exists(DataPath))
        {
            Directory.Delete(DataPath, recursive: true);
        }

        Directory.CreateDirectory(DataPath);
    }

    /// <summary>GET /health: the status code and the JSON body (null when the body is not JSON, e.g. a 404).</summary>
    public async Task<(HttpStatusCode Status, JsonObject? Body)> GetHealthAsync()
    {
        using var response = await Http.GetAsync("health");
        var text = await response.Content.ReadAsStringAsync();
        JsonObject? body = null;
        try
        {
            body = text.Length > 0 ? JsonNode.Parse(text) as JsonObject : null;
        }
        catch (System.Text.Json.JsonException)
        {
            // Not JSON (an HTML error page, an empty 404): reported as a missing body.
        }

        return (response.StatusCode, body);
    }

    /// <summary>The listener status /health reports (<c>running</c> on the lease holder), or a description of why
    /// there is none (the silo is down, /health is missing).</summary>
    public async Task<string> ListenerStatusAsync()
    {
        if (!IsRunning)
        {
            return "down";
        }

        try
        {
            var (status, body) = await GetHealthAsync();
            return body?["listener"]?["status"]?.GetValue<string>() ?? $"/health {(int)status} without listener.status";
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return $"/health failed: {ex.GetType().Name}";
        }
    }

    /// <summary>Scrapes /metrics and sums a series over its labels; null when the series is absent. Throws when
    /// /metrics does not answer.</summary>
    public async Task<double?> MetricAsync(string series)
    {
        using var response = await Http.GetAsync("metrics");
        response.EnsureSuccessStatusCode();
        return PrometheusText.Sum(await response.Content.ReadAsStringAsync(), series);
    }

    /// <summary>GET a JSON document from the silo.</summary>
    public async Task<JsonObject> GetJsonAsync(string path) => (await Http.GetFromJsonAsync<JsonObject>(path))!;

    /// <summary>The last lines of this silo's output, including the end of its previous runs.</summary>
    public string Tail(int lines = 25) =>
        string.Join(Environment.NewLine, _previousRuns.Append(Process is null ? $"[{Name}] not running" : LogTail.Compact(Process.Tail(400), lines)));

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await RetireProcessAsync();
        Http.Dispose();
    }

    private async Task RetireProcessAsync()
    {
        if (Process is null)
        {
            return;
        }

        await Process.DisposeAsync();
        _previousRuns.Add($"{LogTail.Compact(Process.Tail(400), 8)}{Environment.NewLine}[{Name}] ---- process ended ----");
        Process = null;
    }
}
