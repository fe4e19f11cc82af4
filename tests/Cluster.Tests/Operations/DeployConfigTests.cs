using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Npgsql;
using Spin.Cluster.Tests.Infrastructure;
using Spin.Gateway.Tests.Infrastructure;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Spin.Cluster.Tests.Operations;

/// <summary>The deployment files agree with each other and with what the processes expose: docker-compose.yml,
/// deploy/prometheus, deploy/grafana, and scripts/cluster.sh run for real against the local PostgreSQL.</summary>
public sealed partial class DeployConfigTests
{
    private static readonly string[] ExposedMetrics =
    [
        "spin_ingest_events_total", "spin_ingest_rejected_total", "spin_ingest_transactions_total", "spin_ingest_backfilled_total",
        "spin_listener_notifications_total", "spin_listener_reconnects_total", "spin_ingest_lag", "spin_listener_connected",
        "spin_rocksdb_size_bytes", "spin_rocksdb_pending_compaction_bytes", "spin_push_messages_total", "spin_signalr_connections",
        "spin_signalr_subscriptions", "spin_push_monitored_mints", "spin_listener_lease_held", "spin_listener_takeovers_total",
        "spin_replication_events_total", "spin_replication_lag", "spin_catchup_events_total", "spin_catchup_chain_events_total", "spin_catchup_unresolved_total",
        "spin_catchup_in_progress", "spin_placement_moves_total", "spin_manifest_fenced_total", "spin_catalog_pending",
        "spin_catalog_failures_total", "spin_catalog_shards_behind", "spin_catalog_repaired_total", "spin_users_reads_refused_total", "up",
    ];

    private static readonly string[] Histograms = ["spin_ingest_apply_duration_seconds", "http_server_request_duration_seconds"];

    private static readonly (string Title, string[] Uses)[] RequiredPanels =
    [
        ("Ingest rate", ["rate(spin_ingest_events_total[1m])"]),
        ("Ingest lag", ["spin_ingest_lag"]),
        ("Request latency", ["histogram_quantile(", "http_server_request_duration_seconds_bucket", "http_route"]),
        ("Push rate", ["rate(spin_push_messages_total[1m])"]),
        ("Grains per silo", ["orleans_catalog_activations"]),
        ("SignalR connections", ["spin_signalr_connections"]),
        ("Replication lag", ["spin_replication_lag"]),
        ("Mints catching up", ["spin_catchup_in_progress"]),
        ("Catch-up events", ["rate(spin_catchup_events_total"]),
        ("Placement moves", ["rate(spin_placement_moves_total"]),
        ("Listener lease holder", ["spin_listener_lease_held == 1"]),
    ];

    [Fact]
    public void PrometheusScrapesTheMetricsOfEverySiloAndGatewayOfTheComposeFile()
    {
        var services = Services();
        var scraped = Yaml("deploy/prometheus/prometheus.yml")["scrape_configs"].Seq()
            .Select(job => job.Map())
            .SelectMany(job => job["static_configs"].Seq().Select((g, index) => (Group: g.Map(), Index: index)).SelectMany(group =>
                group.Group["targets"].Seq().Select(target => (Target: target.Str(), Job: job.Text("job_name"), Group: group.Index,
                    Path: job.Text("metrics_path") ?? "/metrics", Labels: group.Group.Get("labels")))))
            .ToList();

        foreach (var (dockerfile, minimum) in new[] { ("src/Silo/Dockerfile", 3), ("src/Gateway/Dockerfile", 2) })
        {
            var port = HttpPort(dockerfile);
            var names = services.Where(s => s.Value.Get("build")?.Map().Text("dockerfile") == dockerfile).Select(s => s.Key).ToList();
            Assert.True(names.Count >= minimum, $"docker-compose.yml has {names.Count} services built from {dockerfile}");
            foreach (var name in names)
            {
                Assert.True(scraped.Any(s => s.Target == $"{name}:{port}" && s.Path == "/metrics"), $"Prometheus does not scrape {name}:{port}/metrics");
            }
        }

        // Any silo may hold the listener's lease, so no silo is labelled apart: one target group, no listener label.
        var silos = scraped.Where(s => s.Target.StartsWith("silo-")).ToList();
        Assert.Single(silos.Select(s => (s.Job, s.Group)).Distinct());
        Assert.All(silos, s => Assert.Null(s.Labels));
        Assert.All(scraped.Where(s => s.Target.StartsWith("silo-") || s.Target.StartsWith("gateway-")),
            s => Assert.Contains(s.Target.Split(':')[0], services.Keys));
    }

    [Fact]
    public void NoPanelOrAlertSelectsOneListenerSilo()
    {
        var queries = DashboardExpressions().Concat(AlertRules().Select(r => r.Map().Text("expr")!)).ToList();

        Assert.All(queries, expr => Assert.DoesNotMatch(@"\blistener\s*[=!]", expr));
        Assert.Contains(queries, expr => expr.Contains("max(spin_listener_lease_held) == 0"));
        Assert.Contains(queries, expr => expr.Contains("max(spin_ingest_lag) > 150"));
    }

    [Fact]
    public void ComposeSilosHaveStableNamesOwnVolumesAndAddressesTheOthersResolve()
    {
        var services = Services();
        var silos = services.Where(s => s.Value.Get("build")?.Map().Text("dockerfile") == "src/Silo/Dockerfile").ToList();
        var volumes = Yaml("docker-compose.yml")["volumes"].Map().Children.Keys.Select(k => k.Str()).ToHashSet();
        var mounts = new List<string>();
        foreach (var (name, silo) in silos)
        {
            var env = Env(silo);
            Assert.Equal(name, env["Spin__Cluster__SiloName"]);
            Assert.Equal(name, env["Spin__Cluster__AdvertisedAddress"]);
            Assert.Equal("true", env["Spin__Chain__ListenerEnabled"]);
            Assert.Equal("AdoNet", env["Spin__Cluster__Membership"]);
            Assert.Contains("Host=postgres;", env["Spin__Cluster__ConnectionString"]);
            var mount = Assert.Single(silo["volumes"].Seq().Select(v => v.Str().Split(':')), m => m[1] == env["Spin__Storage__Path"]);
            Assert.Contains(mount[0], volumes);
            mounts.Add(mount[0]);
            Assert.Equal("service_completed_successfully", silo["depends_on"].Map()["db-setup"].Map().Text("condition"));
            Assert.Contains("/alive", string.Join(' ', silo["healthcheck"].Map()["test"].Seq().Select(t => t.Str())));
        }

        Assert.Equal(mounts.Count, mounts.Distinct().Count());
        Assert.All(services.Where(s => s.Value.Get("build")?.Map().Text("dockerfile") == "src/Gateway/Dockerfile"), gateway =>
        {
            Assert.Equal("Client", Env(gateway.Value)["Spin__Cluster__Mode"]);
            Assert.Equal("AdoNet", Env(gateway.Value)["Spin__Cluster__Membership"]);
            Assert.Contains("/alive", string.Join(' ', gateway.Value["healthcheck"].Map()["test"].Seq().Select(t => t.Str())));
        });
        Assert.Contains("--create-database", services["db-setup"]["command"].Seq().Select(c => c.Str()));
    }

    [Fact]
    public void GrafanaDashboardHasTheOperatorsPanelsAndQueriesOnlyMetricsWeExpose()
    {
        var dashboard = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "deploy/grafana/dashboards/spin.json")))!;
        var datasource = Yaml("deploy/grafana/provisioning/datasources/prometheus.yml")["datasources"].Seq().Single().Map().Text("uid");
        var panels = dashboard["panels"]!.AsArray().SelectMany(p => p!["panels"]?.AsArray().Prepend(p) ?? [p]).Select(p => p!).ToList();

        Assert.Equal(panels.Count, panels.Select(p => p["id"]!.GetValue<int>()).Distinct().Count());
        foreach (var (title, uses) in RequiredPanels)
        {
            var panel = Assert.Single(panels, p => p["title"]?.GetValue<string>() == title);
            var exprs = string.Join('\n', panel["targets"]!.AsArray().Select(t => t!["expr"]!.GetValue<string>()));
            Assert.All(uses, use => Assert.Contains(use, exprs));
        }

        foreach (var panel in panels.Where(p => p["type"]?.GetValue<string>() != "row"))
        {
            Assert.Equal(datasource, panel["datasource"]!["uid"]!.GetValue<string>());
            Assert.NotNull(panel["gridPos"]);
            Assert.NotEmpty(panel["targets"]!.AsArray());
        }

        Assert.All(DashboardExpressions().SelectMany(MetricNames), name => Assert.True(IsExposed(name), $"{name} is not a metric we expose"));
        var grafana = Services()["grafana"]["volumes"].Seq().Select(v => v.Str().Split(':')).ToList();
        var provider = Yaml("deploy/grafana/provisioning/dashboards/spin.yml")["providers"].Seq().Single().Map()["options"].Map().Text("path");
        Assert.Contains(grafana, v => v[0] == "./deploy/grafana/dashboards" && v[1] == provider);
        Assert.Contains(grafana, v => v[0] == "./deploy/grafana/provisioning" && v[1] == "/etc/grafana/provisioning");
    }

    [Fact]
    public void AlertRulesAreLoadedAndQueryOnlyMetricsWeExpose()
    {
        Assert.Contains("alerts.yml", Yaml("deploy/prometheus/prometheus.yml")["rule_files"].Seq().Select(f => f.Str()));
        var rules = AlertRules().ToList();

        Assert.NotEmpty(rules);
        Assert.All(rules, rule => Assert.NotNull(rule.Map().Get("labels")?.Map().Text("severity")));
        Assert.All(rules.SelectMany(r => MetricNames(r.Map().Text("expr")!)), name => Assert.True(IsExposed(name), $"{name} is not a metric we expose"));
    }

    [Fact]
    public async Task DockerComposeAcceptsTheComposeFileWithAndWithoutTheSimulatorProfile()
    {
        var compose = Environment.GetEnvironmentVariable("PATH")!.Split(':').Select(d => Path.Combine(d, "docker-compose")).FirstOrDefault(File.Exists);
        Assert.True(compose is not null, "docker-compose is not installed: scripts/test.sh installs it (apt-get install docker-compose).");

        foreach (var arguments in new[] { "config --quiet", "--profile simulator config --quiet" })
        {
            var (code, output) = await RunAsync(compose!, $"-f docker-compose.yml {arguments}", new Dictionary<string, string>(), TimeSpan.FromMinutes(1));
            Assert.True(code == 0, $"docker-compose {arguments} failed ({code}):\n{output}");
        }
    }

    [Fact]
    public async Task ClusterScriptStartsThreeSilosAndTwoGatewaysReportsThemAndStopsThemAll()
    {
        await TestPostgres.WhenRunning();
        var database = $"spin_ops_{Guid.NewGuid():N}";
        var dir = Directory.CreateTempSubdirectory("spin-cluster-script-").FullName;
        var offset = FreePortOffset();
        var environment = new Dictionary<string, string>
        {
            ["SPIN_CLUSTER_DIR"] = dir,
            ["SPIN_CLUSTER_PORT_OFFSET"] = offset.ToString(),
            ["SPIN_CLUSTER_ID"] = database,
            ["SPIN_CLUSTER_CONNECTION"] = new NpgsqlConnectionStringBuilder(TestPostgres.AdminConnectionString) { Database = database }.ConnectionString,
        };
        try
        {
            var (code, output) = await Script("start --simulator", environment, TimeSpan.FromMinutes(10));
            Assert.True(code == 0, $"start failed ({code}):\n{output}\n{Logs(dir)}");
            var pids = Directory.GetFiles(dir, "*.pid").ToDictionary(f => Path.GetFileNameWithoutExtension(f), f => int.Parse(File.ReadAllText(f).Trim()));
            Assert.Equal(["gateway-1", "gateway-2", "silo-1", "silo-2", "silo-3", "simulator"], pids.Keys.Order());

            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
            var urls = Enumerable.Range(1, 3).Select(i => $"http://127.0.0.1:{5060 + i + offset}")
                .Concat(Enumerable.Range(1, 2).Select(i => $"http://127.0.0.1:{5050 + i + offset}")).ToList();
            foreach (var url in urls)
            {
                Assert.Equal("alive", (await http.GetFromJsonAsync<JsonObject>($"{url}/alive"))!["status"]!.GetValue<string>());
            }

            var gateway = urls[3];
            await Eventually.HoldsAsync(async () =>
            {
                var counters = await http.GetFromJsonAsync<JsonObject>($"{gateway}/dashboard/DashboardCounters");
                var active = counters!["hosts"]!.AsArray().Where(h => h!["status"]!.GetValue<string>() == "Active")
                    .Select(h => h!["siloName"]!.GetValue<string>()).Order().ToList();
                return (active.SequenceEqual(["silo-1", "silo-2", "silo-3"]), string.Join(",", active));
            }, TimeSpan.FromSeconds(60), "the gateway's dashboard to list three active silos");
            await Eventually.HoldsAsync(async () =>
            {
                var mints = await http.GetFromJsonAsync<JsonObject>($"{gateway}/api/mints");
                var total = mints!["data"]!["total"]!.GetValue<long>();
                return (total > 0, $"{total} mints");
            }, TimeSpan.FromSeconds(90), "the lease holder to index the simulator and the gateway to serve it");
            var holder = await AssertOneSiloRunsTheListenerAsync(http, urls.Take(3).ToList());
            await AssertDashboardMetricsAreServedAsync(http, urls);

            (code, output) = await Script("status", environment, TimeSpan.FromMinutes(1));
            Assert.True(code == 0, $"status failed ({code}):\n{output}");
            Assert.All(pids.Keys, name => Assert.Matches($"(?m)^{name} +pid {pids[name]} +running", output));
            Assert.Contains("active silos (Orleans dashboard of", output);
            Assert.Contains($"chain listener lease holder: {holder}", output);

            (code, output) = await Script("stop", environment, TimeSpan.FromMinutes(3));
            Assert.True(code == 0, $"stop failed ({code}):\n{output}");
            Assert.All(pids, p => Assert.False(IsSpinProcess(p.Value), $"{p.Key} (pid {p.Value}) still runs after stop:\n{output}"));
            Assert.Empty(Directory.GetFiles(dir, "*.pid"));
            (code, output) = await Script("status", environment, TimeSpan.FromMinutes(1));
            Assert.True(code == 3, $"status after stop should exit 3 (nothing runs), got {code}:\n{output}");
        }
        finally
        {
            await CleanUpAsync(dir, database, environment);
        }
    }

    /// <summary>Every silo has the listener enabled; exactly one runs it, the others stand by, all name the same holder,
    /// and only the holder reports <c>spin_listener_lease_held 1</c>. Returns the holder's name.</summary>
    private static async Task<string> AssertOneSiloRunsTheListenerAsync(HttpClient http, IReadOnlyList<string> silos)
    {
        var holder = "";
        await Eventually.HoldsAsync(async () =>
        {
            var reports = new List<(string Silo, string Status, string? Holder, double? Held)>();
            foreach (var url in silos)
            {
                var health = JsonNode.Parse(await (await http.GetAsync($"{url}/health")).Content.ReadAsStringAsync())!;
                var held = Samples(await http.GetStringAsync($"{url}/metrics"), "spin_listener_lease_held").Select(v => (double?)v).SingleOrDefault();
                reports.Add((health["silo"]!.GetValue<string>(), health["listener"]!["status"]!.GetValue<string>(),
                    health["listener"]!["lease_holder"]?.GetValue<string>(), held));
            }

            var running = reports.Where(r => r.Status == "running").ToList();
            holder = running.Count == 1 ? running[0].Silo : "";
            var ok = running.Count == 1
                && reports.All(r => r.Holder == holder && r.Held == (r.Silo == holder ? 1 : 0))
                && reports.Count(r => r.Status == "standing_by") == silos.Count - 1;
            return (ok, string.Join("; ", reports.Select(r => $"{r.Silo}: {r.Status}, holder {r.Holder}, lease_held {r.Held}")));
        }, TimeSpan.FromSeconds(30), "exactly one silo to run the listener and the others to stand by for its lease");
        return holder;
    }

    /// <summary>Every metric the dashboard and the alerts query appears on the /metrics of at least one running silo or
    /// gateway (some only on the lease holder, such as spin_ingest_lag); re-read until it does, in case the lease moved
    /// between two scrapes.</summary>
    private static async Task AssertDashboardMetricsAreServedAsync(HttpClient http, IEnumerable<string> urls)
    {
        var queried = DashboardExpressions().Concat(AlertRules().Select(r => r.Map().Text("expr")!)).SelectMany(MetricNames)
            .Where(name => name != "up").ToHashSet();
        await Eventually.HoldsAsync(async () =>
        {
            var served = new HashSet<string>();
            foreach (var url in urls)
            {
                served.UnionWith((await http.GetStringAsync($"{url}/metrics")).Split('\n')
                    .Where(line => line.Length > 0 && line[0] != '#').Select(line => line.Split('{', ' ')[0]));
            }

            var missing = queried.Where(name => !served.Contains(name)).Order().ToList();
            return (missing.Count == 0, $"no process serves {string.Join(", ", missing)}");
        }, TimeSpan.FromSeconds(30), "every metric of the dashboard and the alerts to be served");
    }

    /// <summary>The values of every sample of <paramref name="metric"/> in Prometheus text.</summary>
    private static IEnumerable<double> Samples(string text, string metric) => text.Split('\n')
        .Where(line => line.StartsWith(metric + " ") || line.StartsWith(metric + "{"))
        .Select(line => line.Contains('}') ? line[(line.LastIndexOf('}') + 1)..] : line[metric.Length..])
        .Select(rest => double.Parse(rest.Trim().Split(' ')[0], CultureInfo.InvariantCulture));

    private static async Task CleanUpAsync(string dir, string database, Dictionary<string, string> environment)
    {
        if (Directory.GetFiles(dir, "*.pid").Length > 0)
        {
            await Script("stop", environment, TimeSpan.FromMinutes(3));
        }

        foreach (var file in Directory.GetFiles(dir, "*.pid"))
        {
            if (int.TryParse(File.ReadAllText(file).Trim(), out var pid) && IsSpinProcess(pid))
            {
                Process.GetProcessById(pid).Kill();
            }
        }

        await using var connection = new NpgsqlConnection(TestPostgres.AdminConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
        Directory.Delete(dir, recursive: true);
    }

    /// <summary>The metric names a PromQL expression reads: identifiers that are not functions, keywords, label names,
    /// durations, numbers or Grafana variables.</summary>
    private static IEnumerable<string> MetricNames(string expr)
    {
        var stripped = StringLiteral().Replace(expr, "\"\"");
        stripped = Braces().Replace(stripped, " ");
        stripped = Grouping().Replace(stripped, " ");
        return Identifier().Matches(stripped).Select(m => m.Value).Where(name => !PromQlKeywords.Contains(name)).Distinct();
    }

    private static readonly HashSet<string> PromQlKeywords = ["and", "or", "unless", "bool", "offset", "inf", "nan"];

    private static bool IsExposed(string name) =>
        ExposedMetrics.Contains(name) || name.StartsWith("orleans_") || name.StartsWith("dotnet_")
        || Histograms.Any(h => name == $"{h}_bucket" || name == $"{h}_sum" || name == $"{h}_count");

    private static IEnumerable<string> DashboardExpressions() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "deploy/grafana/dashboards/spin.json")))!["panels"]!.AsArray()
            .SelectMany(p => p!["panels"]?.AsArray().Prepend(p) ?? [p])
            .SelectMany(p => p!["targets"]?.AsArray() ?? []).Select(t => t!["expr"]!.GetValue<string>());

    private static IEnumerable<YamlNode> AlertRules() =>
        Yaml("deploy/prometheus/alerts.yml")["groups"].Seq().SelectMany(g => g.Map()["rules"].Seq());

    private static YamlMappingNode Yaml(string path)
    {
        using var reader = new StreamReader(Path.Combine(RepoPaths.Root, path));
        var stream = new YamlStream();
        // Resolves docker-compose.yml's "<<: *anchor" merges, as docker-compose does.
        stream.Load(new MergingParser(new Parser(reader)));
        return stream.Documents[0].RootNode.Map();
    }

    private static Dictionary<string, YamlMappingNode> Services() =>
        Yaml("docker-compose.yml")["services"].Map().Children.ToDictionary(s => s.Key.Str(), s => s.Value.Map());

    private static Dictionary<string, string> Env(YamlMappingNode service) => service.Get("environment") switch
    {
        YamlMappingNode map => map.Children.ToDictionary(e => e.Key.Str(), e => e.Value.Str()),
        YamlSequenceNode list => list.Children.Select(e => e.Str().Split('=', 2)).ToDictionary(e => e[0], e => e[1]),
        _ => [],
    };

    /// <summary>The HTTP port the image's entry point serves (<c>--urls http://0.0.0.0:PORT</c>).</summary>
    private static int HttpPort(string dockerfile) =>
        int.Parse(Regex.Match(File.ReadAllText(Path.Combine(RepoPaths.Root, dockerfile)), "\"--urls\", \"http://[^:\"]+:(\\d+)\"").Groups[1].Value);

    private static Task<(int Code, string Output)> Script(string arguments, Dictionary<string, string> environment, TimeSpan timeout) =>
        RunAsync("bash", $"{Path.Combine(RepoPaths.Root, "scripts/cluster.sh")} {arguments}", environment, timeout);

    private static async Task<(int Code, string Output)> RunAsync(string program, string arguments, Dictionary<string, string> environment, TimeSpan timeout)
    {
        var info = new ProcessStartInfo(program) { WorkingDirectory = RepoPaths.Root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        using var process = Process.Start(info)!;
        using var cancel = new CancellationTokenSource(timeout);
        var output = process.StandardOutput.ReadToEndAsync(cancel.Token);
        var error = process.StandardError.ReadToEndAsync(cancel.Token);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {arguments} did not finish within {timeout}");
        }

        return (process.ExitCode, await output + await error);
    }

    /// <summary>An offset for every port of scripts/cluster.sh under which all of them are free, below the ephemeral range.</summary>
    private static int FreePortOffset()
    {
        int[] ports = [8899, 8900, 5051, 5052, 5061, 5062, 5063, 11111, 11112, 11113, 30000, 30001, 30002];
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var offset = Random.Shared.Next(1, 27) * 100;
            if (ports.All(port => IsFree(port + offset)))
            {
                return offset;
            }
        }

        throw new InvalidOperationException("No port offset with every cluster port free.");
    }

    private static bool IsFree(int port)
    {
        try
        {
            var listener = new TcpListener(System.Net.IPAddress.Loopback, port);
            listener.Start();
            listener.Stop();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static bool IsSpinProcess(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Contains("Spin.");
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static string Logs(string dir) => string.Join('\n', Directory.GetFiles(dir, "*.log").Order()
        .Select(log => $"--- {Path.GetFileName(log)}\n{string.Join('\n', File.ReadLines(log).TakeLast(15))}"));

    [GeneratedRegex("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'")]
    private static partial Regex StringLiteral();

    [GeneratedRegex(@"\{[^}]*\}|\[[^\]]*\]")]
    private static partial Regex Braces();

    [GeneratedRegex(@"\b(?:by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)")]
    private static partial Regex Grouping();

    // Not preceded by a digit, dot or $ (durations, numbers, variables); not followed by "(" (functions, aggregations).
    [GeneratedRegex(@"(?<![\w.$])[a-zA-Z_:][a-zA-Z0-9_:]*\b(?!\s*\()")]
    private static partial Regex Identifier();
}

/// <summary>Terse access to the YAML object model.</summary>
file static class YamlNodes
{
    public static YamlMappingNode Map(this YamlNode node) => (YamlMappingNode)node;

    public static IList<YamlNode> Seq(this YamlNode node) => ((YamlSequenceNode)node).Children;

    public static string Str(this YamlNode node) => ((YamlScalarNode)node).Value!;

    public static YamlNode? Get(this YamlMappingNode map, string key) => map.Children.TryGetValue(key, out var value) ? value : null;

    public static string? Text(this YamlMappingNode map, string key) => map.Get(key) is YamlScalarNode scalar ? scalar.Value : null;
}
