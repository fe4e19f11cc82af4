namespace Spin.Cluster.Tests.Failover;

/// <summary>The simulator's stream for the failover tests: a modest rate over a few dozen mints, with dropped
/// WebSockets, skipped and duplicated notifications, failed, foreign, CPI and multi-event transactions.</summary>
public static class FailoverStream
{
    /// <summary>Options for <c>--transactions</c> live transactions at <paramref name="rate"/> per second; every mint
    /// is created in the prefill, so the mints are known from the start.</summary>
    public static string[] Faulty(int seed, int transactions, int mints = 20, int rate = 40) =>
    [
        "--seed", seed.ToString(), "--mints", mints.ToString(), "--prefill", (mints * 10).ToString(),
        "--transactions", transactions.ToString(), "--rate", rate.ToString(), "--slot-ms", "400",
        "--drop-every-ms", "4000", "--duplicate-rate", "0.03", "--skip-rate", "0.03",
    ];
}
