using System.Globalization;
using System.Text.RegularExpressions;
using Spin.Gateway.Tests.Infrastructure;

namespace Spin.Gateway.Tests.EndToEnd;

/// <summary><c>/metrics</c> of a running product, scraped after a simulator run with faults: every instrument is there,
/// named the Prometheus way, and the numbers agree with the simulator's truth.</summary>
[Collection(EndToEndCollection.Name)]
public sealed partial class MetricsTests
{
    [Fact]
    public async Task ExposesEveryInstrumentWithValuesThatAgreeWithTheTruth()
    {
        using var data = new TempDirectory();
        await using var simulator = await SimulatorProcess.StartAsync("--seed", "61", "--mints", "5", "--prefill", "200", "--transactions", "2400",
            "--rate", "200", "--slot-ms", "100", "--drop-every-ms", "1500", "--skip-rate", "0.05", "--duplicate-rate", "0.05");
        await using var gateway = await GatewayProcess.StartAsync(simulator, data.Path);
        await using var client = await MarketClient.ConnectAsync(gateway.Http.BaseAddress!);
        var mint = (await simulator.GetTruthAsync()).Keys.First();
        await client.SubscribeEventsAsync(mint, since: 0);
        await simulator.WaitUntilDoneAsync(TimeSpan.FromMinutes(2));
        var truth = await simulator.GetTruthAsync();
        await gateway.WaitForEventCountsAsync(truth, TimeSpan.FromMinutes(2));
        await client.WaitForAsync(c => c.EventsOf(mint).Count >= truth[mint].Count, TimeSpan.FromMinutes(1), "the subscriber to have every event");
        await gateway.WaitForCatalogAsync(TimeSpan.FromMinutes(1));

        var metrics = Parse(await gateway.Http.GetStringAsync("metrics"));

        var byType = truth.Values.SelectMany(e => e).GroupBy(e => e["event_type"]!.GetValue<string>()).ToDictionary(g => g.Key, g => (double)g.Count());
        foreach (var (type, count) in byType)
        {
            Assert.Equal(count, Value(metrics, "spin_ingest_events_total", $"type=\"{type}\""));
        }

        Assert.Equal(byType.Values.Sum(), Sum(metrics, "spin_ingest_events_total"));
        Assert.True(Value(metrics, "spin_ingest_rejected_total", "reason=\"failed_transaction\"") > 0);
        Assert.True(Value(metrics, "spin_ingest_rejected_total", "reason=\"undecodable\"") >= 0);
        Assert.True(Value(metrics, "spin_ingest_rejected_total", "reason=\"duplicate\"") >= 0);
        Assert.True(Value(metrics, "spin_ingest_transactions_total") > 0);
        Assert.True(Value(metrics, "spin_ingest_backfilled_total") > 0, "skipped notifications are backfilled");
        Assert.True(Value(metrics, "spin_listener_reconnects_total") > 0, "the simulator dropped the connection");
        Assert.True(Value(metrics, "spin_listener_notifications_total") > 0, "notifications");
        Assert.InRange(Value(metrics, "spin_ingest_lag"), 0, 1000);
        Assert.True(Value(metrics, "spin_ingest_apply_duration_seconds_count") > 0);
        Assert.Contains(metrics.Keys, k => k.StartsWith("spin_ingest_apply_duration_seconds_bucket{", StringComparison.Ordinal));
        Assert.True(Value(metrics, "spin_rocksdb_size_bytes", "column_family=\"events\"") > 0);
        Assert.True(Value(metrics, "spin_rocksdb_pending_compaction_bytes", "column_family=\"events\"") >= 0);
        Assert.True(Value(metrics, "spin_push_messages_total", "kind=\"event\"") >= truth[mint].Count);
        Assert.Equal(1, Value(metrics, "spin_signalr_connections"));
        Assert.Equal(1, Value(metrics, "spin_signalr_subscriptions"));
        Assert.Contains(metrics.Keys, k => k.StartsWith("http_server_request_duration_seconds_count{", StringComparison.Ordinal) && k.Contains("http_route=\"/api/events/\""));
        Assert.Contains(metrics.Keys, k => k.StartsWith("orleans_", StringComparison.Ordinal));
        Assert.Contains(metrics.Keys, k => k.StartsWith("dotnet_", StringComparison.Ordinal) || k.StartsWith("process_runtime_dotnet_", StringComparison.Ordinal));
        Assert.DoesNotContain(metrics.Keys, k => k.Contains(mint, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ASiloProcessAndAClientGatewayEachServeTheirOwnInstrumentsAndTheSilosAgreeWithTheTruth()
    {
        using var data = new TempDirectory();
        await using var simulator = await SimulatorProcess.StartAsync("--seed", "62", "--mints", "4", "--prefill", "100", "--transactions", "2400",
            "--rate", "100", "--slot-ms", "100", "--skip-rate", "0.05", "--duplicate-rate", "0.05");
        var (httpPort, siloPort, gatewayPort) = (FreePort.Get(), FreePort.Get(), FreePort.Get());
        await using var silo = await SiloProcess.StartAsync(simulator, data.Path, httpPort, siloPort, gatewayPort);
        await using var gateway = await GatewayProcess.StartAsync(simulator, data.Path,
            "--Spin:Cluster:Mode", "Client", "--Spin:Cluster:Gateways:0", $"127.0.0.1:{gatewayPort}");
        await using var client = await MarketClient.ConnectAsync(gateway.Http.BaseAddress!);
        var mint = (await simulator.GetTruthAsync()).Keys.First();
        await client.SubscribeEventsAsync(mint, since: 0);
        await simulator.WaitUntilDoneAsync(TimeSpan.FromMinutes(2));
        var truth = await simulator.GetTruthAsync();
        await gateway.WaitForEventCountsAsync(truth, TimeSpan.FromMinutes(2));
        await client.WaitForAsync(c => c.EventsOf(mint).Count >= truth[mint].Count, TimeSpan.FromMinutes(1), "the subscriber to have every event");

        using var siloHttp = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}/") };
        var siloMetrics = Parse(await siloHttp.GetStringAsync("metrics"));
        var gatewayMetrics = Parse(await gateway.Http.GetStringAsync("metrics"));

        // The silo ingests: its counts equal the simulator's successful events; its store, listener and replication
        // instruments are there (one silo: nothing to replicate, nothing catching up).
        Assert.Equal(truth.Values.Sum(e => e.Count), Sum(siloMetrics, "spin_ingest_events_total"));
        Assert.True(Value(siloMetrics, "spin_ingest_transactions_total") > 0);
        Assert.True(Value(siloMetrics, "spin_listener_notifications_total") > 0);
        Assert.InRange(Value(siloMetrics, "spin_ingest_lag"), 0, 1000);
        Assert.True(Value(siloMetrics, "spin_rocksdb_size_bytes", "column_family=\"events\"") > 0);
        Assert.Equal(0, Value(siloMetrics, "spin_replication_lag"));
        Assert.Equal(0, Value(siloMetrics, "spin_catchup_in_progress"));
        Assert.Equal(0, Value(siloMetrics, "spin_catchup_unresolved_total"));
        Assert.Equal(0, Value(siloMetrics, "spin_catalog_failures_total"));
        Assert.Contains(siloMetrics.Keys, k => k.StartsWith("orleans_", StringComparison.Ordinal));

        // The client gateway ingests nothing; it serves HTTP and pushes.
        Assert.DoesNotContain(gatewayMetrics.Keys, k => k.StartsWith("spin_ingest_", StringComparison.Ordinal));
        Assert.True(Value(gatewayMetrics, "spin_push_messages_total", "kind=\"event\"") >= truth[mint].Count);
        Assert.Equal(1, Value(gatewayMetrics, "spin_signalr_connections"));
        Assert.Contains(gatewayMetrics.Keys, k => k.StartsWith("http_server_request_duration_seconds_count{", StringComparison.Ordinal));
    }

    // Sample lines "name{labels} value [timestamp]" keyed by "name{labels}".
    private static Dictionary<string, double> Parse(string text) => text.Split('\n')
        .Where(l => l.Length > 0 && !l.StartsWith('#'))
        .Select(l => Sample().Match(l))
        .Where(m => m.Success)
        .ToDictionary(m => m.Groups["key"].Value, m => double.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture));

    private static double Value(Dictionary<string, double> metrics, string name, string? label = null)
    {
        var matches = metrics.Where(p => (p.Key == name || p.Key.StartsWith(name + "{", StringComparison.Ordinal)) && (label is null || p.Key.Contains(label))).ToList();
        Assert.True(matches.Count > 0, $"{name}{(label is null ? "" : $" with {label}")} is not exposed; spin metrics: {string.Join(", ", metrics.Keys.Where(k => k.StartsWith("spin_", StringComparison.Ordinal)))}");
        return matches.Sum(p => p.Value);
    }

    private static double Sum(Dictionary<string, double> metrics, string name) =>
        metrics.Where(p => p.Key.StartsWith(name + "{", StringComparison.Ordinal)).Sum(p => p.Value);

    [GeneratedRegex(@"^(?<key>[a-zA-Z_:][a-zA-Z0-9_:]*(\{.*\})?) (?<value>[-+0-9.eE]+|NaN|\+Inf|-Inf)( \d+)?$")]
    private static partial Regex Sample();
}
