using Xunit.Abstractions;

namespace Spin.Cluster.Tests.Failover;

/// <summary>The scenario of <see cref="SequentialKillTests"/> and <see cref="DiskLossTests"/>: two silos die one after the
/// other mid-stream (the first, optionally, with its disk replaced) and each starts again; once the stream is done every
/// view on every gateway must equal the truth (the mints' events, candles and orders, every user's history and orders,
/// the catalog through its cursors) and SignalR subscribers must have got every event once.</summary>
public static class DoubleFailure
{
    /// <summary>How long each killed silo stays down: long enough for Orleans to declare it dead (1–2 s with the fast
    /// failure detection) and for its mints' replicas to take batches without it, so that it returns behind.</summary>
    public static readonly TimeSpan Downtime = TimeSpan.FromSeconds(10);

    private const int Mints = 30;
    private const int Rate = 45;

    // Seconds of live stream besides a second kill's delay (negative: the downtimes overlap): ~2 s until ingest is
    // under way, two downtimes, two silo start-ups (up to ~15 s each on a loaded 2-core machine: 50 s left only 3 s of
    // stream after the last return) and some events after it.
    private const int StreamSeconds = 60;

    /// <summary>Runs the scenario. <paramref name="secondKillDelay"/> is in seconds after the first silo answers again
    /// once started; when negative, that many seconds before its restart is due (two silos are down at once).</summary>
    public static async Task RunAsync(ITestOutputHelper output, string test, int seed, int secondKillDelay, bool replaceDisk)
    {
        using var figures = new FailoverFigures(output, $"{test}({secondKillDelay})");
        var transactions = Rate * (StreamSeconds + secondKillDelay);
        await using var cluster = await FailoverCluster.StartAsync(figures, silos: 3, gateways: 2,
            FailoverStream.Faulty(seed, transactions, Mints, Rate), stream: false);
        var verdict = new MustHold(figures);
        var mints = await cluster.MintsAsync();
        var prefill = await cluster.WaitForServedSoFarAsync(mints, FailoverCluster.Patience);
        figures.Step("prefill served");
        var (first, second) = await VictimsAsync(cluster, figures);
        var watched = await Placement.WatchedAcrossAsync(cluster.Gateways[0], mints, first, figures);
        await using var push = await PushWatch.StartAsync(cluster.Gateways[0], watched, FailoverCluster.Patience);
        figures.Step("SignalR clients receive pushes");
        await cluster.StreamUntilServedAsync(mints, prefill);
        figures.Step("ingest under way");
        await Disruption.ServedBeforeAsync(cluster, mints);
        await push.LeaveAsync();
        await cluster.AssertStreamingAsync("the first kill");

        var firstKilled = DateTime.UtcNow;
        await cluster.KillAsync(first);
        if (replaceDisk)
        {
            cluster[first].WipeData();
            figures.Step($"{first}'s data directory deleted: it starts again empty");
        }

        DateTime firstBack, secondKilled;
        if (secondKillDelay < 0)
        {
            await DelayUntilAsync(firstKilled + Downtime + TimeSpan.FromSeconds(secondKillDelay));
            secondKilled = await KillAsync(cluster, second);
            await DelayUntilAsync(firstKilled + Downtime);
            firstBack = await StartAsync(cluster, first);
        }
        else
        {
            await DelayUntilAsync(firstKilled + Downtime);
            firstBack = await StartAsync(cluster, first);
            await Task.Delay(TimeSpan.FromSeconds(secondKillDelay));
            secondKilled = await KillAsync(cluster, second);
        }

        await DelayUntilAsync(secondKilled + Downtime);
        var lastRestart = await StartAsync(cluster, second);
        figures.Record("first_kill_to_first_back_s", firstBack - firstKilled);
        figures.Record("first_back_to_second_kill_s", secondKilled - firstBack);
        figures.Record("first_kill_to_last_back_s", lastRestart - firstKilled);
        // How much stream was left tells a soak whether StreamSeconds still fits the machine's silo start-ups.
        var status = await cluster.Simulator.GetStatusAsync();
        figures.Record("transactions_left_at_last_back", status["target"]!.GetValue<long>() - status["produced"]!.GetValue<long>());
        await verdict.CheckAsync(() => cluster.AssertStreamingAsync("the last silo was back"));
        await verdict.CheckAsync(() => cluster.WaitForActiveSilosAsync(3, TimeSpan.FromSeconds(90)));
        await push.ResumeAsync();
        await cluster.Simulator.WaitUntilDoneAsync(FailoverCluster.Patience);
        figures.Record("push_longest_silence_s", push.LongestSilence(firstKilled, DateTime.UtcNow).Silence);
        var check = await cluster.CompareWithTruthAsync(figures, verdict);

        await RecordRecoveryAsync(cluster, figures, check, lastRestart);
        await verdict.CheckAsync(() => push.AssertExactAsync(check.Truth, FailoverCluster.Patience));
        verdict.Assert(cluster);
    }

    // The listener holder is spared (its takeover is ListenerTakeoverTests' case, and would add its own pause to the
    // catch-ups this scenario is about): the first victim is the higher-numbered other silo, the second the lower one,
    // i.e. silo-2 then silo-1 when silo-3 holds the listener.
    private static async Task<(string First, string Second)> VictimsAsync(FailoverCluster cluster, FailoverFigures figures)
    {
        var (holder, _) = await cluster.WaitForListenerHolderAsync(TimeSpan.FromSeconds(60));
        var others = cluster.Silos.Select(s => s.Name).Where(n => n != holder).ToList();
        figures.Note("listener_holder", holder);
        figures.Note("first_killed", others[^1]);
        figures.Note("second_killed", others[0]);
        return (others[^1], others[0]);
    }

    // Figures only: a chain read or an unresolved catch-up is legitimate after a double failure, so none is asserted.
    private static async Task RecordRecoveryAsync(FailoverCluster cluster, FailoverFigures figures, TruthCheck check, DateTime lastRestart)
    {
        // The views can only be compared once the stream is done: the first figure includes the stream's tail.
        figures.Record("last_restart_to_exact_s", check.ExactAt - lastRestart ?? TimeSpan.FromSeconds(-1));
        figures.Record("stream_done_to_exact_s", check.ExactAt - check.StreamDoneAt ?? TimeSpan.FromSeconds(-1));
        figures.Record("events_lost", check.Reports.Max(r => r.Lost));
        figures.Record("user_events_lost", check.Reports.Max(r => r.UserEventsLost));
        figures.Record("users_differing", check.Reports.Max(r => r.UserMismatches + r.UserOrderMismatches));
        figures.Record("catalog_mismatches", check.Reports.Max(r => r.CatalogMismatches));
        foreach (var series in new[] { WholeClusterRestartTests.UnresolvedCatchUps, "spin_catchup_events_total", WholeClusterRestartTests.ChainCatchUps })
        {
            var (sum, perSilo) = await cluster.SumMetricAsync(series);
            figures.Record(series.Replace("spin_", "").Replace("_total", ""), sum);
            figures.Step($"{series}: {perSilo}");
        }
    }

    private static async Task<DateTime> KillAsync(FailoverCluster cluster, string silo)
    {
        await cluster.KillAsync(silo);
        return DateTime.UtcNow;
    }

    private static async Task<DateTime> StartAsync(FailoverCluster cluster, string silo)
    {
        await cluster.StartSiloAsync(silo);
        return DateTime.UtcNow;
    }

    private static Task DelayUntilAsync(DateTime at) => Task.Delay(at > DateTime.UtcNow ? at - DateTime.UtcNow : TimeSpan.Zero);
}
