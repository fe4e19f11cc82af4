using System.Text.Json.Nodes;
using Spin.Gateway.Tests.Infrastructure;

namespace Spin.Cluster.Tests.Failover;

/// <summary>A whole cluster of real processes on 127.0.0.1: the chain simulator, silos named silo-1..N that cluster
/// through PostgreSQL (each with fixed ports and its own RocksDB, all with the listener enabled so that the PostgreSQL
/// lease decides which one runs it) and client-mode gateways. Silos can be SIGKILLed, stopped, started again as the
/// same member, and added. Everything is killed and deleted on dispose, also after a failure.</summary>
public sealed class FailoverCluster : IAsyncDisposable
{
    /// <summary>How long a whole stream, a catch-up or a comparison may take.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    /// <summary>Orleans failure detection fast enough that a killed silo is declared dead within a few seconds (Orleans'
    /// defaults take 15 s or more): the product binds these to <c>ClusterMembershipOptions</c>. A probe timeout of 2 s
    /// rather than 1 s keeps a loaded two-core machine's GC pauses from getting live silos suspected.</summary>
    public static readonly string[] FastFailureDetection =
    [
        "--Spin:Cluster:ProbeTimeout", "00:00:02",
        "--Spin:Cluster:MissedProbesLimit", "2",
    ];

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private readonly List<ClusterSilo> _silos = [];
    private readonly List<ClusterGateway> _gateways = [];
    private readonly string _root = Directory.CreateTempSubdirectory("spin-failover-").FullName;
    private readonly FailoverFigures _log;
    private readonly string[] _streamOptions;
    private readonly int _simulatorPort = FreePort.Get(pairWithNext: true);
    private ClusterDatabase? _database;
    private SimulatorProcess? _simulator;

    private FailoverCluster(FailoverFigures log, string[] streamOptions) => (_log, _streamOptions) = (log, streamOptions);

    /// <summary>The cluster id (unique per test), the DeploymentId of the membership rows.</summary>
    public string ClusterId { get; } = $"failover-{Guid.NewGuid():N}"[..21];

    /// <summary>The membership database.</summary>
    public ClusterDatabase Database => _database!;

    /// <summary>The chain simulator, streaming.</summary>
    public SimulatorProcess Simulator => _simulator!;

    /// <summary>Every silo ever started, running or not.</summary>
    public IReadOnlyList<ClusterSilo> Silos => _silos;

    /// <summary>The client-mode gateways.</summary>
    public IReadOnlyList<ClusterGateway> Gateways => _gateways;

    /// <summary>A silo by name.</summary>
    public ClusterSilo this[string name] => _silos.Single(s => s.Name == name);

    /// <summary>Starts the database (a fresh one on the shared server unless given), the simulator serving only its
    /// prefill, <paramref name="silos"/> silos (waiting until all are active members) and <paramref name="gateways"/>
    /// gateways (waiting until each reaches the cluster); then, unless <paramref name="stream"/> is false (the test calls
    /// <see cref="StartStreamingAsync"/> once it is set up), the simulator streams as <paramref name="simulatorOptions"/> say.</summary>
    public static async Task<FailoverCluster> StartAsync(FailoverFigures log, int silos, int gateways, string[] simulatorOptions,
        ClusterDatabase? database = null, bool stream = true)
    {
        var cluster = new FailoverCluster(log, simulatorOptions);
        try
        {
            cluster._database = database ?? await ClusterDatabase.CreateAsync();
            cluster._simulator = await SimulatorProcess.StartOnAsync(cluster._simulatorPort, PrefillOnly(simulatorOptions));
            log.Step($"simulator (prefill only) on {cluster.Simulator.RpcUrl}; cluster {cluster.ClusterId}");
            var added = Enumerable.Range(1, silos).Select(_ => cluster.NewSilo()).ToList();
            await cluster.WithTails(() => Task.WhenAll(added.Select(s => s.StartAsync(StartTimeout))));
            await cluster.WaitForActiveSilosAsync(silos, StartTimeout);
            log.Step($"{silos} silos active");
            await cluster.StartGatewaysAsync(gateways);
            log.Step($"{gateways} gateways reached the cluster");
            if (stream)
            {
                await cluster.StartStreamingAsync();
            }

            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>The arguments that put a process in this cluster (gateways get them too).</summary>
    public IEnumerable<string> ClusterArguments =>
    [
        "--Spin:Cluster:Membership", "AdoNet", "--Spin:Cluster:ConnectionString", Database.ConnectionString,
        "--Spin:Cluster:ClusterId", ClusterId, "--Spin:Cluster:AdvertisedAddress", "127.0.0.1",
    ];

    /// <summary>Starts a stopped or killed silo again with its name, ports and data.</summary>
    public async Task StartSiloAsync(string name)
    {
        await WithTails(() => this[name].StartAsync(StartTimeout));
        _log.Step($"{name} started");
    }

    /// <summary>SIGKILLs a silo.</summary>
    public async Task KillAsync(string name)
    {
        await this[name].KillAsync();
        _log.Step($"{name} SIGKILLed");
    }

    /// <summary>Stops a silo gracefully (SIGTERM); false if it did not end within 30 s and was SIGKILLed.</summary>
    public async Task<bool> StopAsync(string name)
    {
        var graceful = await this[name].StopAsync(TimeSpan.FromSeconds(30));
        _log.Step($"{name} stopped {(graceful ? "gracefully" : "(SIGKILLed after 30 s)")}");
        return graceful;
    }

    /// <summary>Adds and starts silo-(N+1).</summary>
    public async Task<ClusterSilo> AddSiloAsync()
    {
        var silo = NewSilo();
        await StartSiloAsync(silo.Name);
        return silo;
    }

    /// <summary>The mints of the truth, sorted.</summary>
    public async Task<List<string>> MintsAsync() => [.. (await Simulator.GetTruthAsync()).Keys.Order(StringComparer.Ordinal)];

    /// <summary>Fails unless the simulator is still producing (a disruption after the stream proves little).</summary>
    public async Task AssertStreamingAsync(string before)
    {
        var status = await Simulator.GetStatusAsync();
        Assert.False(status["done"]!.GetValue<bool>(), $"the stream ended before {before} ({status}); give the simulator more --transactions");
    }

    /// <summary>Runs <paramref name="action"/>; a timeout or failure gets every process's last lines appended.</summary>
    public async Task WithTails(Func<Task> action)
    {
        try
        {
            await action();
        }
        catch (Exception ex) when (ex is TimeoutException or InvalidOperationException)
        {
            throw new TimeoutException($"{ex.Message}{Environment.NewLine}{Tails()}", ex);
        }
    }

    /// <summary>The last lines of every process.</summary>
    public string Tails(int lines = 15) => string.Join(Environment.NewLine,
        _silos.Select(s => s.Tail(lines)).Concat(_gateways.Select(g => LogTail.Compact(g.Process.Tail(400), lines)))
            .Append(_simulator is null ? "" : LogTail.Compact(_simulator.Process.Tail(100), 5)));

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        var steps = _gateways.Select(g => (Func<ValueTask>)g.DisposeAsync).Concat(_silos.Select(s => (Func<ValueTask>)s.DisposeAsync))
            .Append(() => _simulator?.DisposeAsync() ?? ValueTask.CompletedTask)
            .Append(() => _database?.DisposeAsync() ?? ValueTask.CompletedTask)
            .Append(() =>
            {
                Directory.Delete(_root, recursive: true);
                return ValueTask.CompletedTask;
            });
        foreach (var step in steps)
        {
            try
            {
                await step();
            }
            catch (Exception ex)
            {
                // Keep disposing the rest; the failure is reported, not hidden.
                _log.Step($"cleanup failed: {ex.GetType().Name}: {ex.Message}");
            }
        }
    }

    /// <summary>Restarts the simulator, on the same port with the same seed, to stream: it reproduces the prefill
    /// (checked) and then produces the live transactions. Process start-up takes from seconds to a minute depending on
    /// the machine's load, and the stream must still be running when the test disrupts the cluster, so the stream only
    /// begins once the cluster (and the test's observers) are ready. To the listener this is one more dropped connection.</summary>
    public async Task StartStreamingAsync()
    {
        var prefill = await Simulator.GetTruthAsync();
        await Simulator.DisposeAsync();
        _simulator = null;
        _simulator = await SimulatorProcess.StartOnAsync(_simulatorPort, _streamOptions);
        var streaming = await Simulator.GetTruthAsync();
        foreach (var (mint, events) in prefill)
        {
            var again = streaming.GetValueOrDefault(mint, []);
            if (again.Count < events.Count || !events.Select(Signature).SequenceEqual(again.Take(events.Count).Select(Signature)))
            {
                throw new InvalidOperationException($"The restarted simulator did not reproduce the prefill of {mint}; the harness cannot stream this way.");
            }
        }

        _log.Step("simulator restarted on the same port with the same seed: streaming");

        static string Signature(JsonObject e) => $"{e["signature"]}:{e["event_index"]}";
    }

    private static string[] PrefillOnly(string[] options)
    {
        var index = Array.IndexOf(options, "--transactions");
        return index < 0 ? [.. options, "--transactions", "0"] : [.. options[..(index + 1)], "0", .. options[(index + 2)..]];
    }

    private ClusterSilo NewSilo()
    {
        var name = $"silo-{_silos.Count + 1}";
        var silo = new ClusterSilo(name, Path.Combine(_root, name), s =>
        [
            "--urls", $"http://127.0.0.1:{s.HttpPort}",
            "--Spin:Chain:RpcUrl", Simulator.RpcUrl, "--Spin:Chain:WsUrl", Simulator.WsUrl,
            "--Spin:Chain:ListenerEnabled", "true", "--Spin:Chain:ReconcileInterval", "00:00:01",
            "--Spin:Metadata:Enabled", "false", "--Spin:Storage:Path", s.DataPath,
            "--Spin:Cluster:SiloName", name, "--Spin:Cluster:SiloPort", s.SiloPort.ToString(), "--Spin:Cluster:GatewayPort", s.GatewayPort.ToString(),
            .. ClusterArguments, .. FastFailureDetection,
        ]);
        _silos.Add(silo);
        return silo;
    }

    private async Task StartGatewaysAsync(int count)
    {
        var starting = Enumerable.Range(1, count).Select(i => ClusterGateway.StartAsync($"gateway-{i}", ClusterArguments, StartTimeout)).ToList();
        try
        {
            await WithTails(() => Task.WhenAll(starting));
        }
        finally
        {
            _gateways.AddRange(starting.Where(t => t.IsCompletedSuccessfully).Select(t => t.Result));
        }
    }
}
