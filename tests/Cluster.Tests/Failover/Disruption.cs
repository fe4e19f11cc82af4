namespace Spin.Cluster.Tests.Failover;

/// <summary>Steps the disruption tests share: what was served before, and the recovery figures after.</summary>
public static class Disruption
{
    /// <summary>Every mint's served event count through gateway-1 right before a disruption; every mint must answer.</summary>
    public static async Task<Dictionary<string, long>> ServedBeforeAsync(FailoverCluster cluster, IEnumerable<string> mints)
    {
        var counts = await cluster.Gateways[0].ServedCountsAsync(mints);
        var silent = counts.Where(c => c.Value is null).Select(c => c.Key).ToList();
        Assert.True(silent.Count == 0, $"before any disruption, {silent.Count} mints did not answer: {string.Join(", ", silent)}{Environment.NewLine}{cluster.Tails()}");
        return counts.ToDictionary(c => c.Key, c => c.Value!.Value);
    }

    /// <summary>Records when every mint answered again, at all and with its data (or -1 when it did not within the wait).</summary>
    public static void Record(FailoverFigures figures, string prefix, Answering answering)
    {
        figures.Record($"{prefix}_answering_s", answering.AtAll ?? TimeSpan.FromSeconds(-1));
        figures.Record($"{prefix}_answering_with_data_s", answering.WithData ?? TimeSpan.FromSeconds(-1));
        figures.Step($"errors seen while waiting for every mint to answer: {(answering.Errors.Count == 0 ? "none" : string.Join(" | ", answering.Errors.Take(6)))}");
    }

    /// <summary>Waits until the membership table shows only the <paramref name="survivors"/> running silos active, and
    /// records how long after <paramref name="since"/> that was (how fast Orleans declared the dead silo dead).</summary>
    public static async Task RecordDeclaredDeadAsync(FailoverCluster cluster, FailoverFigures figures, MustHold verdict, int survivors, DateTime since)
    {
        try
        {
            await cluster.WaitForActiveSilosAsync(survivors, TimeSpan.FromSeconds(90));
            figures.Record("declared_dead_s", DateTime.UtcNow - since);
        }
        catch (TimeoutException ex)
        {
            verdict.Check(false, $"the killed silo was not declared dead within 90 s: {ex.Message.Split(Environment.NewLine)[0]}");
        }
    }
}
