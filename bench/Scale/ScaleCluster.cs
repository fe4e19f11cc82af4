using System.Text.Json.Nodes;
using Spin.Cluster.Tests.Failover;
using Spin.Cluster.Tests.Infrastructure;
using Spin.Gateway.Tests.Infrastructure;

namespace Spin.Bench.Scale;

/// <summary>A cluster of real processes on 127.0.0.1, as the failover tests start it: a fresh PostgreSQL database, the
/// chain simulator serving only its prefill, silos named silo-1..N with their own RocksDB and the listener enabled (the
/// PostgreSQL lease decides which one runs it), and one client-mode gateway. <see cref="StreamAsync"/> restarts the
/// simulator with the same seed to stream. Everything is killed, deleted and dropped on dispose.</summary>
public sealed class ScaleCluster : IAsyncDisposable
{
    /// <summary>How long a start, a stream, a catch-up or a comparison may take.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromMinutes(5);

    private readonly List<ClusterSilo> _silos = [];
    private readonly string _root = Directory.CreateTempSubdirectory("spin-bench-scale-").FullName;
    private readonly int _simulatorPort = FreePort.Get(pairWithNext: true);
    private readonly string[] _stream;
    private TestDatabase? _database;
    private SimulatorProcess? _simulator;
    private ClusterGateway? _gateway;

    private ScaleCluster(string[] stream) => _stream = stream;

    /// <summary>The DeploymentId of the membership rows, unique per cluster.</summary>
    public string ClusterId { get; } = $"bench-{Guid.NewGuid():N}"[..20];

    /// <summary>The chain simulator.</summary>
    public SimulatorProcess Simulator => _simulator!;

    /// <summary>The client-mode gateway every figure is read through.</summary>
    public ClusterGateway Gateway => _gateway!;

    /// <summary>The simulator's JSON-RPC port, the same across its restart.</summary>
    public int SimulatorPort => _simulatorPort;

    /// <summary>Arguments only the streaming simulator's command line has (the prefill-only one has <c>--transactions 0</c>).</summary>
    public string StreamMarker => $"--transactions {_stream[Array.IndexOf(_stream, "--transactions") + 1]} ";

    /// <summary>The silos.</summary>
    public IReadOnlyList<ClusterSilo> Silos => _silos;

    /// <summary>Starts the database, the simulator (prefill only), <paramref name="silos"/> silos (until all are active
    /// members) and the gateway (until it reaches the cluster); <paramref name="stream"/> are the simulator's options.</summary>
    public static async Task<ScaleCluster> StartAsync(int silos, string[] stream, string[] siloOptions)
    {
        var cluster = new ScaleCluster(stream);
        try
        {
            cluster._database = await TestDatabase.CreateAsync();
            cluster._simulator = await SimulatorProcess.StartOnAsync(cluster._simulatorPort, PrefillOnly(stream));
            for (var i = 1; i <= silos; i++)
            {
                cluster.AddSilo($"silo-{i}", siloOptions);
            }

            await cluster.WithTails(() => Task.WhenAll(cluster._silos.Select(s => s.StartAsync(Patience))));
            await cluster.WaitForActiveSilosAsync(Patience);
            cluster._gateway = await cluster.WithTails(() => ClusterGateway.StartAsync("gateway", cluster.ClusterArguments, Patience));
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>Restarts the simulator on the same port with the same seed to stream: it reproduces the prefill (checked),
    /// then produces the live transactions. To the listener this is one dropped connection.</summary>
    public async Task StreamAsync()
    {
        var prefill = await Simulator.GetTruthAsync();
        await Simulator.DisposeAsync();
        _simulator = null;
        _simulator = await SimulatorProcess.StartOnAsync(_simulatorPort, _stream);
        var streaming = await Simulator.GetTruthAsync();
        foreach (var (mint, events) in prefill)
        {
            var again = streaming.GetValueOrDefault(mint, []);
            if (again.Count < events.Count || !events.Select(Signature).SequenceEqual(again.Take(events.Count).Select(Signature)))
            {
                throw new InvalidOperationException($"The restarted simulator did not reproduce the prefill of {mint}.");
            }
        }

        static string Signature(JsonObject e) => $"{e["signature"]}:{e["event_index"]}";
    }

    /// <summary>Waits until the membership table lists exactly the running silos as active.</summary>
    public Task WaitForActiveSilosAsync(TimeSpan timeout) => WithTails(() => Eventually.HoldsAsync(async () =>
    {
        var running = string.Join(",", _silos.Where(s => s.IsRunning).Select(s => s.Name).Order(StringComparer.Ordinal));
        var active = await _database!.ScalarAsync<object>(
            "SELECT string_agg(SiloName, ',' ORDER BY SiloName) FROM OrleansMembership WHERE DeploymentId = @id AND Status = 3", ("id", ClusterId));
        return (active as string == running, $"active [{active}], running [{running}]");
    }, timeout, "the running silos to be the active members"));

    /// <summary>Runs <paramref name="action"/>; a timeout or failure gets every process's last lines appended.</summary>
    public async Task<T> WithTails<T>(Func<Task<T>> action)
    {
        try
        {
            return await action();
        }
        catch (Exception ex) when (ex is TimeoutException or InvalidOperationException)
        {
            throw new TimeoutException($"{ex.Message}{Environment.NewLine}{Tails()}", ex);
        }
    }

    /// <summary>Runs <paramref name="action"/>; a timeout or failure gets every process's last lines appended.</summary>
    public Task WithTails(Func<Task> action) => WithTails(async () =>
    {
        await action();
        return true;
    });

    /// <summary>The last lines of every process.</summary>
    public string Tails(int lines = 12) => string.Join(Environment.NewLine, _silos.Select(s => s.Tail(lines))
        .Append(_gateway is null ? "" : LogTail.Compact(_gateway.Process.Tail(400), lines))
        .Append(_simulator is null ? "" : LogTail.Compact(_simulator.Process.Tail(100), 5)));

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        IAsyncDisposable?[] owned = [_gateway, .. _silos, _simulator, _database];
        foreach (var process in owned.OfType<IAsyncDisposable>())
        {
            await process.DisposeAsync();
        }

        Directory.Delete(_root, recursive: true);
    }

    private IEnumerable<string> ClusterArguments =>
    [
        "--Spin:Cluster:Membership", "AdoNet", "--Spin:Cluster:ConnectionString", _database!.ConnectionString,
        "--Spin:Cluster:ClusterId", ClusterId, "--Spin:Cluster:AdvertisedAddress", "127.0.0.1",
    ];

    private static string[] PrefillOnly(string[] options)
    {
        var index = Array.IndexOf(options, "--transactions");
        return index < 0 ? [.. options, "--transactions", "0"] : [.. options[..(index + 1)], "0", .. options[(index + 2)..]];
    }

    private void AddSilo(string name, string[] siloOptions) => _silos.Add(new ClusterSilo(name, Path.Combine(_root, name), s =>
    [
        "--urls", $"http://127.0.0.1:{s.HttpPort}",
        "--Spin:Chain:RpcUrl", Simulator.RpcUrl, "--Spin:Chain:WsUrl", Simulator.WsUrl,
        "--Spin:Chain:ListenerEnabled", "true", "--Spin:Chain:ReconcileInterval", "00:00:01",
        "--Spin:Metadata:Enabled", "false", "--Spin:Storage:Path", s.DataPath,
        "--Spin:Cluster:SiloName", name, "--Spin:Cluster:SiloPort", $"{s.SiloPort}", "--Spin:Cluster:GatewayPort", $"{s.GatewayPort}",
        .. ClusterArguments, .. siloOptions,
    ]));
}
