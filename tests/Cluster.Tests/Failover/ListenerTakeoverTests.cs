using Xunit.Abstractions;

namespace Spin.Cluster.Tests.Failover;

/// <summary>Must-hold 2 (and 6): the silo running the chain listener is SIGKILLed mid-stream; another silo takes the
/// listener over under the PostgreSQL lease and resumes from the durable cursor: no gap, no duplicate.</summary>
[Collection(FailoverCollection.Name)]
public sealed class ListenerTakeoverTests(ITestOutputHelper output)
{
    /// <summary>The longest the listener may be without a holder.</summary>
    public static readonly TimeSpan TakeoverLimit = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task AnotherSiloTakesTheListenerOverWhenItsHolderIsKilledWithNoGapAndNoDuplicate()
    {
        using var figures = new FailoverFigures(output, nameof(AnotherSiloTakesTheListenerOverWhenItsHolderIsKilledWithNoGapAndNoDuplicate));
        await using var cluster = await FailoverCluster.StartAsync(figures, silos: 3, gateways: 2, FailoverStream.Faulty(seed: 62, transactions: 1200),
            stream: false);
        var verdict = new MustHold(figures);
        var mints = await cluster.MintsAsync();
        var prefill = await cluster.WaitForServedSoFarAsync(mints, FailoverCluster.Patience);
        figures.Step("prefill served");
        var (holder, _) = await cluster.WaitForListenerHolderAsync(TimeSpan.FromSeconds(60));
        figures.Note("killed_listener_holder", holder);
        var watched = await Placement.WatchedAcrossAsync(cluster.Gateways[0], mints, holder, figures);
        await using var push = await PushWatch.StartAsync(cluster.Gateways[0], watched, FailoverCluster.Patience);
        figures.Step("SignalR clients receive pushes");
        await cluster.StreamUntilServedAsync(mints, prefill);
        figures.Step("ingest under way");
        var before = await Disruption.ServedBeforeAsync(cluster, mints);
        await push.LeaveAsync();
        await cluster.AssertStreamingAsync("the kill");

        var killedAt = DateTime.UtcNow;
        await cluster.KillAsync(holder);
        // Measured side by side, each from the kill.
        var takeoverMeasure = MeasureTakeoverAsync(cluster, figures, verdict, killedAt);
        var declaredDead = Disruption.RecordDeclaredDeadAsync(cluster, figures, verdict, 2, killedAt);
        var answering = await cluster.Gateways[0].MeasureAnsweringAsync(before, killedAt, TimeSpan.FromSeconds(60));
        var takeover = await takeoverMeasure;
        await declaredDead;
        Disruption.Record(figures, "kill_to", answering);
        await push.ResumeAsync();
        await cluster.Simulator.WaitUntilDoneAsync(FailoverCluster.Patience);
        var (silence, mint) = push.LongestSilence(killedAt, DateTime.UtcNow);
        figures.Record("push_longest_silence_s", silence);
        var truth = await cluster.CheckServesTruthAsync(figures, verdict);

        verdict.Check(takeover <= TakeoverLimit, $"another silo runs the listener within {TakeoverLimit} of the holder's death; took {takeover?.ToString() ?? "longer than 60 s"}");
        verdict.Check(silence <= SiloKillTests.RecoveryLimit, $"SignalR pushes resume within {SiloKillTests.RecoveryLimit}; {mint} was silent for {silence}");
        await verdict.CheckAsync(() => push.AssertExactAsync(truth, FailoverCluster.Patience));
        verdict.Assert(cluster);
    }

    private static async Task<TimeSpan?> MeasureTakeoverAsync(FailoverCluster cluster, FailoverFigures figures, MustHold verdict, DateTime killedAt)
    {
        try
        {
            var (holder, _) = await cluster.WaitForListenerHolderAsync(TimeSpan.FromSeconds(60));
            var takeover = DateTime.UtcNow - killedAt;
            figures.Note("new_listener_holder", holder);
            figures.Record("listener_takeover_s", takeover);
            return takeover;
        }
        catch (TimeoutException ex)
        {
            verdict.Check(false, $"no silo took the listener over within 60 s: {ex.Message.Split(Environment.NewLine)[0]}");
            return null;
        }
    }
}
