using Xunit.Abstractions;

namespace Spin.Cluster.Tests.Failover;

/// <summary>The harness itself on an undisturbed cluster: three silos and two client gateways index the faulty stream
/// and serve exactly the truth.</summary>
[Collection(FailoverCollection.Name)]
public sealed class HealthyClusterTests(ITestOutputHelper output)
{
    [Fact]
    public async Task AHealthyThreeSiloClusterServesTheTruthThroughBothGateways()
    {
        using var figures = new FailoverFigures(output, nameof(AHealthyThreeSiloClusterServesTheTruthThroughBothGateways));
        await using var cluster = await FailoverCluster.StartAsync(figures, silos: 3, gateways: 2, FailoverStream.Faulty(seed: 50, transactions: 800));
        var verdict = new MustHold(figures);

        await cluster.CheckServesTruthAsync(figures, verdict);

        var listeners = await cluster.ListenerStatusesAsync();
        figures.Note("listener_statuses", string.Join(", ", listeners.Select(p => $"{p.Key}: {p.Value}")));
        verdict.Assert(cluster);
    }
}
