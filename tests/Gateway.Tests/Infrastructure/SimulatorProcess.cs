using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Spin.Gateway.Tests.Infrastructure;

/// <summary>The chain simulator as a real process speaking Solana JSON-RPC (port) and PubSub (port + 1).</summary>
public sealed class SimulatorProcess : IAsyncDisposable
{
    private readonly TestProcess _process;
    private readonly HttpClient _http;

    private SimulatorProcess(TestProcess process, int port)
    {
        _process = process;
        Port = port;
        _http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(30) };
    }

    /// <summary>The JSON-RPC port.</summary>
    public int Port { get; }

    /// <summary>The JSON-RPC URL.</summary>
    public string RpcUrl => $"http://127.0.0.1:{Port}";

    /// <summary>The PubSub URL.</summary>
    public string WsUrl => $"ws://127.0.0.1:{Port + 1}";

    /// <summary>The process, for kills and output.</summary>
    public TestProcess Process => _process;

    /// <summary>Starts the simulator with the given options (e.g. <c>--mints 50</c>) and waits until it is healthy.</summary>
    public static Task<SimulatorProcess> StartAsync(params string[] options) => StartOnAsync(FreePort.Get(pairWithNext: true), options);

    /// <summary>Starts the simulator on a given RPC port (PubSub on the next one).</summary>
    public static async Task<SimulatorProcess> StartOnAsync(int port, params string[] options)
    {
        var process = TestProcess.Start("simulator", RepoPaths.SimulatorDll, ["--port", port.ToString(), .. options]);
        var simulator = new SimulatorProcess(process, port);
        await Eventually.HoldsAsync(simulator.IsHealthyAsync, StartTimeout(options), "the simulator to answer getHealth");
        return simulator;
    }

    // The simulator serves once its prefill is on chain: a minute, plus a second per 2,000 prefilled transactions (the
    // memory bench's 600,000 take minutes on a loaded machine).
    private static TimeSpan StartTimeout(string[] options)
    {
        var at = Array.IndexOf(options, "--prefill");
        var prefill = at >= 0 && at + 1 < options.Length && int.TryParse(options[at + 1], out var n) ? n : 0;
        return TimeSpan.FromSeconds(60 + prefill / 2_000);
    }

    /// <summary>The simulator's production status.</summary>
    public async Task<JsonObject> GetStatusAsync() =>
        (await _http.GetFromJsonAsync<JsonObject>("control/status"))!;

    /// <summary>Waits until every requested live transaction was produced.</summary>
    public Task WaitUntilDoneAsync(TimeSpan timeout) => Eventually.HoldsAsync(async () =>
    {
        var status = await GetStatusAsync();
        return (status["done"]!.GetValue<bool>(), status.ToJsonString());
    }, timeout, "the simulator to finish producing");

    /// <summary>Every successful SpinPet event per mint, in chain order.</summary>
    public async Task<Dictionary<string, List<JsonObject>>> GetTruthAsync()
    {
        var truth = (await _http.GetFromJsonAsync<JsonObject>("truth"))!;
        return truth["mints"]!.AsObject().ToDictionary(p => p.Key, p => p.Value!.AsArray().Select(e => e!.AsObject()).ToList());
    }

    /// <summary>Posts a control command such as <c>drop</c> or <c>skip?count=5</c>.</summary>
    public async Task ControlAsync(string command) => (await _http.PostAsync($"control/{command}", null)).EnsureSuccessStatusCode();

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _process.DisposeAsync();
    }

    private async Task<(bool, string)> IsHealthyAsync()
    {
        if (_process.HasExited)
        {
            throw new InvalidOperationException($"The simulator exited:{Environment.NewLine}{_process.Tail()}");
        }

        using var response = await _http.PostAsJsonAsync("", new { jsonrpc = "2.0", id = 1, method = "getHealth" });
        var body = await response.Content.ReadAsStringAsync();
        return (body.Contains("\"ok\"", StringComparison.Ordinal), body);
    }

}
