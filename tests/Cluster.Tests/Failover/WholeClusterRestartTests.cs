using Xunit.Abstractions;

namespace Spin.Cluster.Tests.Failover;

/// <summary>Must-hold 3 (and 6): every silo goes down mid-stream (one stopped gracefully, two SIGKILLed) and starts
/// again with the same names, ports and data: every grain is placed where its data is, none needs a chain backfill
/// (<c>spin_catchup_chain_events_total</c> and <c>spin_catchup_unresolved_total</c> are 0 on every silo), and all data is
/// served exactly.</summary>
[Collection(FailoverCollection.Name)]
public sealed class WholeClusterRestartTests(ITestOutputHelper output)
{
    /// <summary>Grains that found no peer holding the data they lack (and would need the chain).</summary>
    public const string UnresolvedCatchUps = "spin_catchup_unresolved_total";

    /// <summary>The longest SignalR silence allowed once every silo is active again: the bound of the other failover
    /// cases. Measured 3.6–4.3 s on a 2-core machine since the mints feed their users and catalog off the listener's
    /// path (docs/benchmarks.md, Recovery); 11–20 s before, when one user grain waiting on the grain directory held up
    /// every mint's batch.</summary>
    public static readonly TimeSpan PushResumeLimit = SiloKillTests.RecoveryLimit;

    /// <summary>Events grains had to read back from the chain because no peer held them.</summary>
    public const string ChainCatchUps = "spin_catchup_chain_events_total";

    [Fact]
    public async Task AllSilosStoppedAndStartedAgainServeEverythingWithoutAnyChainBackfill()
    {
        using var figures = new FailoverFigures(output, nameof(AllSilosStoppedAndStartedAgainServeEverythingWithoutAnyChainBackfill));
        await using var cluster = await FailoverCluster.StartAsync(figures, silos: 3, gateways: 2, FailoverStream.Faulty(seed: 63, transactions: 3000),
            stream: false);
        var verdict = new MustHold(figures);
        var mints = await cluster.MintsAsync();
        var prefill = await cluster.WaitForServedSoFarAsync(mints, FailoverCluster.Patience);
        figures.Step("prefill served");
        await using var push = await PushWatch.StartAsync(cluster.Gateways[0], mints.Take(4).ToList(), FailoverCluster.Patience);
        figures.Step("SignalR clients receive pushes");
        await cluster.StreamUntilServedAsync(mints, prefill);
        figures.Step("ingest under way");
        var before = await Disruption.ServedBeforeAsync(cluster, mints);
        await push.LeaveAsync();
        await cluster.AssertStreamingAsync("the shutdown");

        var downAt = DateTime.UtcNow;
        var graceful = await cluster.StopAsync("silo-1");
        await Task.WhenAll(cluster.KillAsync("silo-2"), cluster.KillAsync("silo-3"));
        verdict.Check(graceful, "silo-1 stops within 30 s of SIGTERM");
        await Task.WhenAll(cluster.Silos.Select(s => cluster.StartSiloAsync(s.Name)));
        await cluster.WaitForActiveSilosAsync(3, TimeSpan.FromSeconds(90));
        var activeAt = DateTime.UtcNow;
        figures.Record("down_to_active_s", activeAt - downAt);
        await verdict.CheckAsync(() => cluster.AssertStreamingAsync("the silos were back"));
        var answering = await cluster.Gateways[0].MeasureAnsweringAsync(before, activeAt, TimeSpan.FromSeconds(60));
        Disruption.Record(figures, "active_to", answering);
        await push.ResumeAsync();
        await cluster.Simulator.WaitUntilDoneAsync(FailoverCluster.Patience);
        var (silence, mint) = push.LongestSilence(activeAt, DateTime.UtcNow);
        figures.Record("push_longest_silence_after_active_s", silence);
        var truth = await cluster.CheckServesTruthAsync(figures, verdict);

        var (unresolved, perSilo) = await cluster.SumMetricAsync(UnresolvedCatchUps);
        figures.Record("catchup_unresolved", unresolved);
        figures.Record("catchup_events", (await cluster.SumMetricAsync("spin_catchup_events_total")).Sum);
        var (fromChain, fromChainPerSilo) = await cluster.SumMetricAsync(ChainCatchUps);
        figures.Record("catchup_chain_events", fromChain);
        verdict.Check(unresolved == 0, $"no grain is left without its events after a whole-cluster restart; {UnresolvedCatchUps}: {perSilo}");
        verdict.Check(fromChain == 0, $"no grain needs a chain backfill after a whole-cluster restart; {ChainCatchUps}: {fromChainPerSilo}");
        verdict.Check(answering.WithData is not null,
            $"every mint answers with its data within 60 s of the silos being active again ({answering.LastObserved})");
        verdict.Check(silence <= PushResumeLimit, $"SignalR pushes resume within {PushResumeLimit} of the silos being back; {mint} was silent for {silence}");
        await verdict.CheckAsync(() => push.AssertExactAsync(truth, FailoverCluster.Patience));
        verdict.Assert(cluster);
    }
}
