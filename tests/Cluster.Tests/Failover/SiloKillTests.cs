using Xunit.Abstractions;

namespace Spin.Cluster.Tests.Failover;

/// <summary>Must-hold 1 (and 6): a silo that does not hold the listener is SIGKILLed mid-stream; every mint answers
/// again within 15 s, SignalR subscribers keep receiving, and afterwards both gateways serve exactly the truth.</summary>
[Collection(FailoverCollection.Name)]
public sealed class SiloKillTests(ITestOutputHelper output)
{
    /// <summary>The longest a mint may stay unanswered, or a subscriber without pushes, after a silo dies.</summary>
    public static readonly TimeSpan RecoveryLimit = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task EveryMintAnswersWithin15SecondsOfASiloKillAndNothingIsLostOrDuplicated()
    {
        using var figures = new FailoverFigures(output, nameof(EveryMintAnswersWithin15SecondsOfASiloKillAndNothingIsLostOrDuplicated));
        await using var cluster = await FailoverCluster.StartAsync(figures, silos: 3, gateways: 2, FailoverStream.Faulty(seed: 61, transactions: 1200),
            stream: false);
        var verdict = new MustHold(figures);
        var mints = await cluster.MintsAsync();
        var prefill = await cluster.WaitForServedSoFarAsync(mints, FailoverCluster.Patience);
        figures.Step("prefill served");
        var statuses = await cluster.ListenerStatusesAsync();
        var holders = statuses.Where(s => s.Value == "running").Select(s => s.Key).ToList();
        verdict.Check(holders.Count == 1, $"exactly one silo runs the listener; /health says {string.Join(", ", statuses)}");
        var victim = cluster.Silos.Last(s => !holders.Contains(s.Name)).Name;
        figures.Note("listener_holder", string.Join(",", holders));
        figures.Note("killed", victim);
        var onVictim = await Placement.CountOnAsync(cluster.Gateways[0], mints, victim, figures);
        figures.Record("mints_on_killed_silo", onVictim);
        verdict.Check(onVictim != 0, $"the killed silo hosted mints (else the kill proves little); /cluster/placement puts none on {victim}");
        var watched = await Placement.WatchedAcrossAsync(cluster.Gateways[0], mints, victim, figures);
        await using var push = await PushWatch.StartAsync(cluster.Gateways[0], watched, FailoverCluster.Patience);
        figures.Step("SignalR clients receive pushes");
        await cluster.StreamUntilServedAsync(mints, prefill);
        figures.Step("ingest under way");
        var before = await Disruption.ServedBeforeAsync(cluster, mints);
        await push.LeaveAsync();
        await cluster.AssertStreamingAsync("the kill");

        var killedAt = DateTime.UtcNow;
        await cluster.KillAsync(victim);
        var declaredDead = Disruption.RecordDeclaredDeadAsync(cluster, figures, verdict, 2, killedAt);
        var answering = await cluster.Gateways[0].MeasureAnsweringAsync(before, killedAt, TimeSpan.FromSeconds(60));
        await declaredDead;
        Disruption.Record(figures, "kill_to", answering);
        await push.ResumeAsync();
        await cluster.Simulator.WaitUntilDoneAsync(FailoverCluster.Patience);
        var (silence, mint) = push.LongestSilence(killedAt, DateTime.UtcNow);
        figures.Record("push_longest_silence_s", silence);
        var truth = await cluster.CheckServesTruthAsync(figures, verdict);

        verdict.Check(answering.WithData <= RecoveryLimit,
            $"every mint answers with its data within {RecoveryLimit} of the kill; took {answering.WithData?.ToString() ?? "longer than 60 s"} ({answering.LastObserved})");
        verdict.Check(silence <= RecoveryLimit, $"SignalR pushes resume within {RecoveryLimit}; {mint} was silent for {silence}");
        await verdict.CheckAsync(() => push.AssertExactAsync(truth, FailoverCluster.Patience));
        verdict.Assert(cluster);
    }
}
