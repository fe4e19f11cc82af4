using System.Diagnostics;

namespace Spin.Bench.Scale;

/// <summary>Scale-out: the same stream ingested by a cluster of N silo processes, clocked on the silos' applied-event
/// counter and checked against the truth through the gateway.</summary>
public static class ScaleOutRun
{
    /// <summary>Prefill transactions per mint: enough that the simulator creates every mint in the prefill, as in the
    /// failover tests.</summary>
    public const int PrefillPerMint = 10;

    /// <summary>The simulator's options: every mint is created in the prefill, so the mints are known and placed before
    /// the live stream; the <paramref name="seed"/> differs per run, never per cluster size.</summary>
    public static string[] Stream(int seed, int mints, int transactions, int rate) =>
    [
        "--seed", $"{seed}", "--mints", $"{mints}", "--prefill", $"{mints * PrefillPerMint}",
        "--transactions", $"{transactions}", "--rate", $"{rate}",
    ];

    /// <summary>Starts a cluster of <paramref name="silos"/> silos, serves the prefill, settles the placement, streams
    /// and clocks the live events; throws when the served data differs from the truth.</summary>
    public static async Task<ScaleOutResult> RunAsync(ScaleOptions o, int silos, int run)
    {
        var clock = Stopwatch.StartNew();
        await using var cluster = await ScaleCluster.StartAsync(silos, Stream(300 + run, o.Mints, o.Transactions, o.Rate), []);
        Console.WriteLine($"run {run}, {Silos(silos)}: cluster up after {clock.Elapsed.TotalSeconds:F0} s");
        var prefillTruth = await cluster.Simulator.GetTruthAsync();
        var mints = prefillTruth.Keys.Order(StringComparer.Ordinal).ToList();
        var prefill = prefillTruth.Sum(p => (long)p.Value.Count);
        await MintProbes.WaitForServedAsync(cluster, mints, prefill);
        await MintProbes.SettledPlacementAsync(cluster, mints);
        var before = await IngestClock.CountAsync(cluster);
        Console.WriteLine($"run {run}, {Silos(silos)}: prefill served and placed after {clock.Elapsed.TotalSeconds:F0} s; streaming");

        IngestWindow window;
        await using (var ingest = IngestClock.Start(cluster))
        {
            await cluster.StreamAsync();
            await cluster.WithTails(() => cluster.Simulator.WaitUntilDoneAsync(ScaleCluster.Patience));
            var live = (await cluster.Simulator.GetTruthAsync()).Sum(p => (long)p.Value.Count) - prefill;
            window = await ingest.UntilAsync(before, before + live);
        }

        await TruthCheck.AssertExactAsync(cluster, await cluster.Simulator.GetTruthAsync());
        return new ScaleOutResult(silos, window);
    }

    /// <summary>"1 silo", "2 silos".</summary>
    public static string Silos(int count) => count == 1 ? "1 silo" : $"{count} silos";
}
