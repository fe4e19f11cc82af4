using System.Data;
using Spin.Cluster.Tests.Infrastructure;
using static Spin.Cluster.Tests.Infrastructure.OrleansQueries;

namespace Spin.Cluster.Tests.Clustering;

/// <summary>The membership query texts under the contract's edge cases, on their own deployment ids in the cluster's
/// database (the running silo never sees them).</summary>
[Collection(ClusterCollection.Name)]
public sealed class MembershipQueryTests(ClusterFixture cluster)
{
    private const int Active = 3;
    private const int Dead = 6;

    [Fact]
    public async Task ConcurrentInsertsAtTheSameVersionLetExactlyOneWin()
    {
        var deployment = await NewDeploymentAsync();

        var results = await Task.WhenAll(Enumerable.Range(1, 8).Select(generation =>
            RunBooleanAsync(cluster.Database, "InsertMembershipKey", [.. Member(deployment, generation, Active), Version(0)])));

        Assert.Single(results, inserted => inserted);
        Assert.Equal(1, await TableVersionAsync(deployment));
        Assert.Equal(1L, await MemberCountAsync(deployment));
    }

    [Fact]
    public async Task HeartbeatsAndUpdatesOfMissingRowsLeaveTheVersionAlone()
    {
        var deployment = await NewDeploymentAsync();
        Assert.True(await RunBooleanAsync(cluster.Database, "InsertMembershipKey", [.. Member(deployment, 1, Active), Version(0)]));

        await RunAsync(cluster.Database, "UpdateIAmAlivetimeKey", [.. Key(deployment, 1), Time("IAmAliveTime", DateTime.UtcNow.AddMinutes(1))]);
        var missing = await RunBooleanAsync(cluster.Database, "UpdateMembershipKey", [.. Update(deployment, 2, Dead), Version(1)]);
        var stale = await RunBooleanAsync(cluster.Database, "UpdateMembershipKey", [.. Update(deployment, 1, Dead), Version(0)]);

        Assert.False(missing);
        Assert.False(stale);
        Assert.Equal(1, await TableVersionAsync(deployment));
    }

    [Fact]
    public async Task CleanupRemovesOnlyDeadRowsThatStillHoldTheValuesRead()
    {
        var deployment = await NewDeploymentAsync();
        var start = DateTime.UtcNow.AddDays(-1);
        Assert.True(await RunBooleanAsync(cluster.Database, "InsertMembershipKey", [.. Member(deployment, 1, Active, start), Version(0)]));
        Assert.True(await RunBooleanAsync(cluster.Database, "InsertMembershipKey", [.. Member(deployment, 2, Active, start), Version(1)]));
        Assert.True(await RunBooleanAsync(cluster.Database, "UpdateMembershipKey", [.. Update(deployment, 1, Dead, start), Version(2)]));
        var cutoff = Time("IAmAliveTime", DateTime.UtcNow);

        await RunAsync(cluster.Database, "CleanupDefunctSiloEntryKey",
            [.. Key(deployment, 1), Time("StartTime", start), Time("IAmAliveTime", start.AddSeconds(1)), Text("SuspectTimes", null)]);
        Assert.Equal(2L, await MemberCountAsync(deployment));

        await RunAsync(cluster.Database, "CleanupDefunctSiloEntryKey",
            [.. Key(deployment, 1), Time("StartTime", start), Time("IAmAliveTime", start), Text("SuspectTimes", null)]);
        await RunAsync(cluster.Database, "CleanupDefunctSiloEntriesKey", Text("DeploymentId", deployment), cutoff);

        Assert.Equal(1L, await MemberCountAsync(deployment));
        Assert.Equal(3, await TableVersionAsync(deployment));
    }

    private async Task<string> NewDeploymentAsync()
    {
        var deployment = $"query-test-{Guid.NewGuid():N}";
        Assert.True(await RunBooleanAsync(cluster.Database, "InsertMembershipVersionKey", Text("DeploymentId", deployment)));
        Assert.False(await RunBooleanAsync(cluster.Database, "InsertMembershipVersionKey", Text("DeploymentId", deployment)));
        return deployment;
    }

    private static Parameter[] Key(string deployment, int generation) =>
        [Text("DeploymentId", deployment), new("Address", DbType.AnsiString, "10.0.0.1"), Int("Port", 11111), Int("Generation", generation)];

    private static Parameter[] Member(string deployment, int generation, int status, DateTime? start = null) =>
        [.. Key(deployment, generation), Text("SiloName", $"silo-{generation}"), Text("HostName", "host"), Int("Status", status),
         Int("ProxyPort", 30000), Time("StartTime", start ?? DateTime.UtcNow), Time("IAmAliveTime", start ?? DateTime.UtcNow)];

    private static Parameter[] Update(string deployment, int generation, int status, DateTime? aliveTime = null) =>
        [.. Key(deployment, generation), Int("Status", status), Text("SuspectTimes", null), Time("IAmAliveTime", aliveTime ?? DateTime.UtcNow)];

    private static Parameter Version(int version) => Int("Version", version);

    private static Parameter Text(string name, string? value) => new(name, DbType.String, value);

    private static Parameter Int(string name, int value) => new(name, DbType.Int32, value);

    private static Parameter Time(string name, DateTime value) => new(name, DbType.DateTime, value);

    private Task<int> TableVersionAsync(string deployment) => cluster.Database.ScalarAsync<int>(
        "SELECT Version FROM OrleansMembershipVersion WHERE DeploymentId = @id", ("id", deployment));

    private Task<long> MemberCountAsync(string deployment) => cluster.Database.ScalarAsync<long>(
        "SELECT count(*) FROM OrleansMembership WHERE DeploymentId = @id", ("id", deployment));
}
