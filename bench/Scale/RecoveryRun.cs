using System.Diagnostics;

namespace Spin.Bench.Scale;

/// <summary>Recovery: three silos, the simulator streaming; a silo that does not hold the chain listener is SIGKILLed
/// once live events are being served. Measures the seconds until every mint answers through the gateway with at least
/// the events it served before the kill, then compares everything served with the truth once the stream ends.</summary>
public static class RecoveryRun
{
    /// <summary>The cluster size the recovery is measured on.</summary>
    public const int Silos = 3;

    /// <summary>How long the bench waits for every mint to answer again before it calls the run failed.</summary>
    public static readonly TimeSpan AnsweringLimit = TimeSpan.FromSeconds(60);

    // Failure detection as the failover tests and docs/cluster.md set it: a killed silo is declared dead within seconds.
    private static readonly string[] FastFailureDetection = ["--Spin:Cluster:ProbeTimeout", "00:00:02", "--Spin:Cluster:MissedProbesLimit", "2"];

    /// <summary>Runs the kill once; throws when the stream ended before the kill or the killed silo hosted no mint.</summary>
    public static async Task<RecoveryResult> RunAsync(ScaleOptions o, int run)
    {
        var stream = ScaleOutRun.Stream(400 + run, o.Mints, o.RecoveryTransactions, o.RecoveryRate);
        var clock = Stopwatch.StartNew();
        await using var cluster = await ScaleCluster.StartAsync(Silos, stream, FastFailureDetection);
        Console.WriteLine($"run {run}, recovery: cluster up after {clock.Elapsed.TotalSeconds:F0} s");
        var prefillTruth = await cluster.Simulator.GetTruthAsync();
        var mints = prefillTruth.Keys.Order(StringComparer.Ordinal).ToList();
        var prefill = prefillTruth.Sum(p => (long)p.Value.Count);
        await MintProbes.WaitForServedAsync(cluster, mints, prefill);
        var placement = await MintProbes.SettledPlacementAsync(cluster, mints);
        var statuses = await Task.WhenAll(cluster.Silos.Select(async s => (s.Name, Status: await s.ListenerStatusAsync())));
        var holder = statuses.FirstOrDefault(s => s.Status == "running").Name ?? "none";
        var victim = cluster.Silos.Last(s => s.Name != holder);
        var onVictim = placement.Count(p => p.Value == victim.Name);
        if (onVictim == 0)
        {
            throw new InvalidOperationException($"{victim.Name} hosts none of the {mints.Count} mints; its kill would prove nothing (use more --mints)");
        }

        Console.WriteLine($"run {run}, recovery: prefill served and placed after {clock.Elapsed.TotalSeconds:F0} s; streaming");
        await cluster.StreamAsync();
        await MintProbes.WaitForServedAsync(cluster, mints, prefill + Math.Max(1, o.RecoveryTransactions / 10));
        var before = await ServedBeforeAsync(cluster, mints);
        if ((await cluster.Simulator.GetStatusAsync())["done"]!.GetValue<bool>())
        {
            throw new InvalidOperationException("the stream ended before the kill; give it more --recovery-transactions or a lower --recovery-rate");
        }

        var killedAt = DateTime.UtcNow;
        await victim.KillAsync();
        var answering = await MintProbes.MeasureAnsweringAsync(cluster.Gateway, before, killedAt, AnsweringLimit);
        await cluster.WithTails(() => cluster.Simulator.WaitUntilDoneAsync(ScaleCluster.Patience));
        var truth = await TruthCheck.CompareAsync(cluster, await cluster.Simulator.GetTruthAsync());
        return new RecoveryResult(victim.Name, holder, onVictim, mints.Count, answering, truth);
    }

    private static async Task<Dictionary<string, long>> ServedBeforeAsync(ScaleCluster cluster, IReadOnlyList<string> mints)
    {
        var probes = await MintProbes.ProbeAllAsync(cluster.Gateway, mints);
        var silent = probes.Where(p => p.Value.Count is null).Select(p => $"{p.Key}: {p.Value.Error}").ToList();
        return silent.Count == 0
            ? probes.ToDictionary(p => p.Key, p => p.Value.Count!.Value)
            : throw new InvalidOperationException($"before the kill, {silent.Count} mints did not answer: {string.Join(", ", silent.Take(3))}");
    }
}
