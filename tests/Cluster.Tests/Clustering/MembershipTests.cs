using Npgsql;
using Spin.Cluster.Tests.Infrastructure;
using Spin.Cluster.Tests.TestGrains;

namespace Spin.Cluster.Tests.Clustering;

[Collection(ClusterCollection.Name)]
public sealed class MembershipTests(ClusterFixture cluster)
{
    private const int Active = 3;

    [Fact]
    public async Task SiloJoinsAsActiveAndClientCallsAGrainThroughIt()
    {
        var members = await ReadMembersAsync();
        var hosts = await cluster.ClusterClient.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true);

        var answer = await cluster.ClusterClient.GetGrain<IProbeGrain>($"echo-{Guid.NewGuid():N}").Echo("hello");

        var member = Assert.Single(members);
        Assert.Equal(("127.0.0.1", cluster.SiloPort, Active, cluster.GatewayPort), member);
        Assert.Single(hosts);
        Assert.Equal("hello", answer);
    }

    [Fact]
    public async Task TableVersionMovedOncePerMembershipWrite()
    {
        // Joining: insert as Joining, then update to Active; heartbeats leave the version alone.
        var version = await cluster.Database.ScalarAsync<int>(
            "SELECT Version FROM OrleansMembershipVersion WHERE DeploymentId = @id", ("id", cluster.ClusterId));

        Assert.Equal(2, version);
    }

    private async Task<List<(string Address, int Port, int Status, int ProxyPort)>> ReadMembersAsync()
    {
        await using var connection = await cluster.Database.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT Address, Port, Status, ProxyPort FROM OrleansMembership WHERE DeploymentId = @id", connection);
        command.Parameters.AddWithValue("id", cluster.ClusterId);
        await using var reader = await command.ExecuteReaderAsync();
        var members = new List<(string, int, int, int)>();
        while (await reader.ReadAsync())
        {
            members.Add((reader.GetString(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetInt32(3)));
        }

        return members;
    }
}
