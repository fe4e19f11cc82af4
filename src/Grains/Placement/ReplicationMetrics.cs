using System.Diagnostics.Metrics;

namespace Spin.Grains.Placement;

/// <summary>Replication, catch-up and placement instruments on the <c>Spin</c> meter. Labels are never a mint.</summary>
public sealed class ReplicationMetrics
{
    private long _replicated;
    private long _caughtUp;
    private long _chainCaughtUp;
    private long _unresolved;
    private long _syncing;
    private long _replicaLag;
    private long _moves;
    private long _fenced;
    private long _followerLag;
    private long _followerFailures;

    /// <summary>Creates the instruments.</summary>
    public ReplicationMetrics(IMeterFactory meters)
    {
        var meter = meters.Create("Spin");
        meter.CreateObservableCounter("spin.replication.events", () => Volatile.Read(ref _replicated), "{event}",
            "Events stored on this silo as a replica of a mint hosted elsewhere");
        meter.CreateObservableGauge("spin.replication.lag", () => Volatile.Read(ref _replicaLag), "{event}",
            "Events applied by the mints hosted here that their replica does not hold yet");
        meter.CreateObservableCounter("spin.catchup.events", () => Volatile.Read(ref _caughtUp), "{event}",
            "Events a mint pulled from a peer silo on activation because its store lacked them");
        meter.CreateObservableCounter("spin.catchup.chain_events", () => Volatile.Read(ref _chainCaughtUp), "{event}",
            "Events a mint read back from the chain because its store lacked them and no peer silo held them");
        meter.CreateObservableCounter("spin.catchup.unresolved", () => Volatile.Read(ref _unresolved), "{activation}",
            "Activations that neither a peer nor the chain brought up to their manifest within the grace period");
        meter.CreateObservableGauge("spin.catchup.in_progress", () => Volatile.Read(ref _syncing), "{grain}",
            "Mints hosted here that are still catching up (their answers say syncing)");
        meter.CreateObservableCounter("spin.placement.moves", () => Volatile.Read(ref _moves), "{activation}",
            "Activations that left this silo because their rendezvous ranking names another silo first");
        meter.CreateObservableCounter("spin.manifest.fenced", () => Volatile.Read(ref _fenced), "{write}",
            "Writes refused because another activation of the mint had moved its manifest on");
        meter.CreateObservableGauge("spin.followers.lag", () => Volatile.Read(ref _followerLag), "{event}",
            "Events of the mints hosted here not yet fed to the users' histories and the catalog");
        meter.CreateObservableCounter("spin.followers.failures", () => Volatile.Read(ref _followerFailures), "{attempt}",
            "Attempts to feed a mint's events to the users' histories and the catalog that failed and will be retried");
    }

    /// <summary>Mints hosted here that are catching up.</summary>
    public long Syncing => Volatile.Read(ref _syncing);

    /// <summary>Events applied by the mints hosted here that their replica does not hold yet.</summary>
    public long ReplicaLag => Volatile.Read(ref _replicaLag);

    /// <summary>Activations left behind their manifest, so far.</summary>
    public long UnresolvedCount => Volatile.Read(ref _unresolved);

    /// <summary>Counts events stored as a replica.</summary>
    public void Replicated(int events) => Interlocked.Add(ref _replicated, events);

    /// <summary>Counts events pulled from a peer.</summary>
    public void CaughtUp(int events) => Interlocked.Add(ref _caughtUp, events);

    /// <summary>Counts events read back from the chain.</summary>
    public void CaughtUpFromChain(int events) => Interlocked.Add(ref _chainCaughtUp, events);

    /// <summary>Events read back from the chain, so far.</summary>
    public long ChainCaughtUpCount => Volatile.Read(ref _chainCaughtUp);

    /// <summary>Counts an activation left behind its manifest after asking every peer and the chain.</summary>
    public void Unresolved() => Interlocked.Increment(ref _unresolved);

    /// <summary>Moves the count of catching-up mints.</summary>
    public void SyncingChanged(bool syncing) => Interlocked.Add(ref _syncing, syncing ? 1 : -1);

    /// <summary>Moves the replica lag by <paramref name="delta"/> events.</summary>
    public void ReplicaLagChanged(long delta) => Interlocked.Add(ref _replicaLag, delta);

    /// <summary>Counts a misplaced activation leaving.</summary>
    public void Moved() => Interlocked.Increment(ref _moves);

    /// <summary>Events not yet fed to the users' histories and the catalog.</summary>
    public long FollowerLag => Volatile.Read(ref _followerLag);

    /// <summary>Failed attempts to feed the followers, so far.</summary>
    public long FollowerFailures => Volatile.Read(ref _followerFailures);

    /// <summary>Moves the follower lag by <paramref name="delta"/> events.</summary>
    public void FollowerLagChanged(long delta) => Interlocked.Add(ref _followerLag, delta);

    /// <summary>Counts a failed attempt to feed the followers.</summary>
    public void FollowerFailed() => Interlocked.Increment(ref _followerFailures);

    /// <summary>Counts a fenced write.</summary>
    public void Fenced() => Interlocked.Increment(ref _fenced);
}
