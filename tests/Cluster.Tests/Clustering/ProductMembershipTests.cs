using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Spin.Cluster.Tests.Infrastructure;
using Spin.Gateway.Tests.Infrastructure;

namespace Spin.Cluster.Tests.Clustering;

/// <summary>The product's own processes clustered through PostgreSQL: silos with stable names join the membership
/// table, and a Gateway in client mode finds them there (no static gateway list).</summary>
public sealed class ProductMembershipTests
{
    [Fact]
    public async Task ThreeSilosJoinThroughPostgresAndAClientGatewayFindsThemAndShowsThemOnItsDashboard()
    {
        await using var database = await TestDatabase.CreateAsync();
        var data = Directory.CreateTempSubdirectory("spin-cluster-").FullName;
        var cluster = new[] { "--Spin:Cluster:Membership", "AdoNet", "--Spin:Cluster:ConnectionString", database.ConnectionString,
            "--Spin:Cluster:ClusterId", "spin-test", "--Spin:Cluster:AdvertisedAddress", "127.0.0.1" };
        var silos = new List<TestProcess>();
        try
        {
            foreach (var name in new[] { "silo-a", "silo-b", "silo-c" })
            {
                silos.Add(TestProcess.Start(name, RepoPaths.SiloDll,
                [
                    "--urls", $"http://127.0.0.1:{FreePort.Get()}", "--Spin:Chain:ListenerEnabled", "false", "--Spin:Metadata:Enabled", "false",
                    "--Spin:Storage:Path", Path.Combine(data, name), "--Spin:Cluster:SiloName", name,
                    "--Spin:Cluster:SiloPort", FreePort.Get().ToString(), "--Spin:Cluster:GatewayPort", FreePort.Get().ToString(), .. cluster,
                ]));
            }

            await Eventually.HoldsAsync(async () =>
            {
                var active = await database.ScalarAsync<long>("SELECT count(*) FROM OrleansMembership WHERE DeploymentId = 'spin-test' AND Status = 3");
                return (active == 3, $"{active} active silos; {string.Join(" | ", silos.Select(s => s.Tail(3)))}");
            }, TimeSpan.FromSeconds(90), "every silo to be active in the membership table");
            var names = await database.ScalarAsync<string>(
                "SELECT string_agg(SiloName, ',' ORDER BY SiloName) FROM OrleansMembership WHERE DeploymentId = 'spin-test' AND Status = 3");
            Assert.Equal("silo-a,silo-b,silo-c", names);

            var port = FreePort.Get();
            await using var gateway = TestProcess.Start("gateway", RepoPaths.GatewayDll,
            [
                "--urls", $"http://127.0.0.1:{port}", "--Spin:Cluster:Mode", "Client", "--Spin:Metadata:Enabled", "false", .. cluster,
            ]);
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
            await Eventually.HoldsAsync(async () =>
            {
                var health = await http.GetFromJsonAsync<JsonObject>("health");
                return (health?["mint_count"]?.GetValue<long>() == 0, health?.ToJsonString() ?? gateway.Tail(5));
            }, TimeSpan.FromSeconds(60), "the client gateway to reach the cluster");
            var mints = await http.GetFromJsonAsync<JsonObject>("api/mints");
            Assert.True(mints!["success"]!.GetValue<bool>());

            // The operators' dashboard on the client gateway shows every silo of the cluster.
            var page = await http.GetStringAsync("dashboard/");
            Assert.Contains("index.min.js", page);
            await Eventually.HoldsAsync(async () =>
            {
                var counters = await http.GetFromJsonAsync<JsonObject>("dashboard/DashboardCounters");
                var hosts = counters!["hosts"]!.AsArray().Where(h => h!["status"]!.GetValue<string>() == "Active")
                    .Select(h => h!["siloName"]!.GetValue<string>()).Order().ToList();
                return (hosts.SequenceEqual(["silo-a", "silo-b", "silo-c"]), string.Join(",", hosts));
            }, TimeSpan.FromSeconds(30), "the dashboard to list all three silos");
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
}
