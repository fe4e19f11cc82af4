using Xunit.Abstractions;

namespace Spin.Cluster.Tests.Failover;

/// <summary>Must-hold 5: PostgreSQL (a private server, never the machine's shared one) is stopped and started again
/// mid-stream: reads of every mint keep working through a gateway during the outage, ingest resumes after it, and
/// nothing is lost or duplicated.</summary>
[Collection(FailoverCollection.Name)]
public sealed class PostgresRestartTests(ITestOutputHelper output)
{
    /// <summary>How long PostgreSQL stays down (reads are checked all along).</summary>
    public static readonly TimeSpan Outage = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task ReadsKeepWorkingWhilePostgresRestartsAndIngestResumesWithNothingLost()
    {
        using var figures = new FailoverFigures(output, nameof(ReadsKeepWorkingWhilePostgresRestartsAndIngestResumesWithNothingLost));
        await using var postgres = await PrivatePostgres.StartAsync();
        figures.Step($"private PostgreSQL on port {postgres.Port}");
        await using var cluster = await FailoverCluster.StartAsync(figures, silos: 3, gateways: 2, FailoverStream.Faulty(seed: 65, transactions: 1500),
            await ClusterDatabase.CreateOnAsync(postgres));
        var verdict = new MustHold(figures);
        var mints = await cluster.MintsAsync();
        await cluster.WaitForServedSoFarAsync(mints, FailoverCluster.Patience);
        figures.Step("ingest under way");
        var before = await Disruption.ServedBeforeAsync(cluster, mints);
        await cluster.AssertStreamingAsync("PostgreSQL stopped");

        var stoppedAt = DateTime.UtcNow;
        await postgres.StopAsync();
        figures.Step("PostgreSQL stopped (fast)");
        var (rounds, failures) = await ReadThroughOutageAsync(cluster, before, stoppedAt);
        await postgres.StartAgainAsync();
        var restartedAt = DateTime.UtcNow;
        figures.Record("pg_outage_s", restartedAt - stoppedAt);
        figures.Record("read_rounds_during_outage", rounds);
        figures.Record("failed_reads_during_outage", failures.Count);
        var chainAtRestart = (await cluster.Simulator.GetTruthAsync()).ToDictionary(p => p.Key, p => (long)p.Value.Count);
        var caughtUp = await cluster.Gateways[0].MeasureAnsweringAsync(chainAtRestart, restartedAt, TimeSpan.FromSeconds(60));
        figures.Record("pg_restart_to_ingest_caught_up_s", caughtUp.WithData ?? TimeSpan.FromSeconds(-1));
        await cluster.CheckServesTruthAsync(figures, verdict);

        verdict.Check(failures.Count == 0,
            $"every read of an already-served mint answers during the PostgreSQL outage; {failures.Count} failed: {string.Join(", ", failures.Take(5))}");
        verdict.Check(caughtUp.WithData is not null,
            $"ingest resumes after PostgreSQL is back: within 60 s every mint serves what the chain had at the restart ({caughtUp.LastObserved})");
        verdict.Assert(cluster);
    }

    // Rounds of reads of every mint through gateway-1 until the outage has lasted long enough; a read fails when it
    // does not answer or answers with fewer events than before the outage.
    private static async Task<(int Rounds, List<string> Failures)> ReadThroughOutageAsync(FailoverCluster cluster, Dictionary<string, long> before, DateTime since)
    {
        var rounds = 0;
        var failures = new List<string>();
        while (DateTime.UtcNow - since < Outage || rounds < 3)
        {
            var probes = await cluster.Gateways[0].ProbeAllAsync(before.Keys);
            failures.AddRange(probes.Where(p => p.Value.Count is null || p.Value.Count < before[p.Key])
                .Select(p => $"{p.Key}: {p.Value.Count?.ToString() ?? p.Value.Error} (had {before[p.Key]}) at {(DateTime.UtcNow - since).TotalSeconds:F1}s"));
            rounds++;
            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }

        return (rounds, failures);
    }
}
