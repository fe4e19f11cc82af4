using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Spin.Cluster.Tests.Infrastructure;
using Spin.Gateway.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Spin.Cluster.Tests.Listener;

/// <summary>Two real silo processes clustered through PostgreSQL, both with the listener enabled, indexing the chain
/// simulator: exactly one runs the listener, and when it is SIGKILLed the other takes over within the lease time and
/// moves the durable cursor on from where it was.</summary>
public sealed class ListenerFailoverTests(ITestOutputHelper output)
{
    private static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(3);

    [Fact]
    public async Task OneSiloRunsTheListenerAndTheOtherTakesOverWhenItIsKilled()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var simulator = await SimulatorProcess.StartAsync("--seed", "51", "--mints", "5", "--prefill", "50", "--rate", "20");
        var data = Directory.CreateTempSubdirectory("spin-listener-").FullName;
        var silos = new List<Silo>();
        try
        {
            silos.Add(Silo.Start("silo-a", database, simulator, data));
            silos.Add(Silo.Start("silo-b", database, simulator, data));
            var (running, standing) = await OneRunningOneStandingByAsync(silos);
            var slot = await CursorAdvancesAsync(database, after: 0);

            var token = await database.ScalarAsync<long>("SELECT Token FROM SpinListenerLease");
            var sinceKill = Stopwatch.StartNew();
            await running.Process.KillAsync();
            await Eventually.HoldsAsync(async () =>
            {
                var health = await standing.HealthAsync();
                return (Status(health) == "running", health.ToJsonString());
            }, LeaseDuration + TimeSpan.FromSeconds(30), $"{standing.Name} to take the listener over");
            var takeover = sinceKill.Elapsed;
            output.WriteLine($"{standing.Name} took the listener over {takeover.TotalSeconds:F1} s after {running.Name} was killed " +
                $"(lease {LeaseDuration.TotalSeconds} s)");

            // A dead holder's lease runs out within LeaseDuration; the survivor asks every third of it.
            Assert.True(takeover < LeaseDuration + LeaseDuration / 3 + TimeSpan.FromSeconds(3), $"took over after {takeover}");
            Assert.Equal(standing.Name, await database.ScalarAsync<string>("SELECT Holder FROM SpinListenerLease"));
            Assert.True(await database.ScalarAsync<long>("SELECT Token FROM SpinListenerLease") > token, "the takeover moved the fencing token on");
            await CursorAdvancesAsync(database, after: slot);
            var metrics = await standing.MetricsAsync();
            Assert.Equal("1", metrics.GetValueOrDefault("spin_listener_lease_held"));
            Assert.Equal("1", metrics.GetValueOrDefault("spin_listener_takeovers_total"));
        }
        finally
        {
            foreach (var silo in silos)
            {
                await silo.DisposeAsync();
            }

            Directory.Delete(data, recursive: true);
        }
    }

    private static async Task<(Silo Running, Silo StandingBy)> OneRunningOneStandingByAsync(List<Silo> silos)
    {
        var reports = Array.Empty<JsonObject>();
        await Eventually.HoldsAsync(async () =>
        {
            reports = await Task.WhenAll(silos.Select(s => s.HealthAsync()));
            var statuses = reports.Select(Status).Order().ToList();
            var holders = reports.Select(r => r["listener"]?["lease_holder"]?.GetValue<string>()).Distinct().ToList();
            return (statuses.SequenceEqual(["running", "standing_by"]) && holders.Count == 1 && holders[0] is not null,
                string.Join(" | ", reports.Select(r => r.ToJsonString())));
        }, TimeSpan.FromSeconds(90), "one silo running the listener and the other standing by");
        var running = Status(reports[0]) == "running" ? 0 : 1;
        Assert.Equal(silos[running].Name, reports[1 - running]["listener"]!["lease_holder"]!.GetValue<string>());
        return (silos[running], silos[1 - running]);
    }

    // The listener applies batches and moves the cursor in PostgreSQL past the given slot.
    private static async Task<long> CursorAdvancesAsync(TestDatabase database, long after)
    {
        long slot = 0;
        await Eventually.HoldsAsync(async () =>
        {
            slot = await database.ScalarAsync<long>("SELECT coalesce(max(CursorSlot), 0) FROM SpinListenerLease");
            return (slot > after, $"cursor at slot {slot}");
        }, TimeSpan.FromSeconds(60), $"the cursor to move past slot {after}");
        return slot;
    }

    private static string? Status(JsonObject health) => health["listener"]?["status"]?.GetValue<string>();

    private sealed class Silo(string name, TestProcess process, HttpClient http) : IAsyncDisposable
    {
        public string Name => name;

        public TestProcess Process => process;

        public static Silo Start(string name, TestDatabase database, SimulatorProcess simulator, string data)
        {
            var port = FreePort.Get();
            var process = TestProcess.Start(name, RepoPaths.SiloDll,
            [
                "--urls", $"http://127.0.0.1:{port}", "--Spin:Metadata:Enabled", "false", "--Spin:Storage:Path", Path.Combine(data, name),
                "--Spin:Chain:RpcUrl", simulator.RpcUrl, "--Spin:Chain:WsUrl", simulator.WsUrl, "--Spin:Chain:ReconcileInterval", "00:00:01",
                "--Spin:Chain:LeaseDuration", LeaseDuration.ToString(),
                "--Spin:Cluster:Membership", "AdoNet", "--Spin:Cluster:ConnectionString", database.ConnectionString,
                "--Spin:Cluster:ClusterId", "spin-listener-test", "--Spin:Cluster:AdvertisedAddress", "127.0.0.1", "--Spin:Cluster:SiloName", name,
                "--Spin:Cluster:SiloPort", FreePort.Get().ToString(), "--Spin:Cluster:GatewayPort", FreePort.Get().ToString(),
            ]);
            return new Silo(name, process, new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(5) });
        }

        // The report is read whatever the status code: a lagging listener answers 503 with the same body.
        public async Task<JsonObject> HealthAsync()
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{name} exited:\n{process.Tail()}");
            }

            using var response = await http.GetAsync("health");
            return await response.Content.ReadFromJsonAsync<JsonObject>() ?? throw new InvalidOperationException($"{name}: empty /health");
        }

        // Prometheus samples by metric name, labels dropped: "name{labels} value".
        public async Task<Dictionary<string, string>> MetricsAsync() => (await http.GetStringAsync("metrics")).Split('\n')
            .Where(line => line.StartsWith("spin_listener_", StringComparison.Ordinal))
            .ToDictionary(line => line[..line.IndexOfAny(['{', ' '])], line => line.Split(' ')[1]);

        public async ValueTask DisposeAsync()
        {
            http.Dispose();
            await process.DisposeAsync();
        }
    }
}
