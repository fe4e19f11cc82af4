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
    private long _listingsPending;
    private long _listingFailures;
    private long _shardsBehind;
    private long _repaired;
    private long _userReadsRefused;

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
        meter.CreateObservableGauge("spin.catalog.pending", () => Volatile.Read(ref _listingsPending), "{mint}",
            "Mints hosted here whose newest listing their catalog shard has not taken yet");
        meter.CreateObservableCounter("spin.catalog.failures", () => Volatile.Read(ref _listingFailures), "{attempt}",
            "Attempts to hand a mint's listing to its catalog shard that failed and will be retried");
        meter.CreateObservableGauge("spin.catalog.shards_behind", () => Volatile.Read(ref _shardsBehind), "{grain}",
            "Catalog shards hosted here that could not read every silo's listings at their last merge (they answer syncing)");
        meter.CreateObservableCounter("spin.catalog.repaired", () => Volatile.Read(ref _repaired), "{listing}",
            "Listings a catalog shard found newer (or missing) in a silo's store when it merged again after a membership change");
        meter.CreateObservableCounter("spin.users.reads_refused", () => Volatile.Read(ref _userReadsRefused), "{read}",
            "User history or order reads answered 'retry' because a silo holding part of the user index did not answer");
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

    /// <summary>Mints hosted here whose newest listing their shard has not taken yet.</summary>
    public long ListingsPending => Volatile.Read(ref _listingsPending);

    /// <summary>Catalog shards hosted here that answer syncing.</summary>
    public long ShardsBehind => Volatile.Read(ref _shardsBehind);

    /// <summary>Listings repaired by catalog merges, so far.</summary>
    public long Repaired => Volatile.Read(ref _repaired);

    /// <summary>Moves the count of mints whose listing is pending.</summary>
    public void ListingPendingChanged(bool pending) => Interlocked.Add(ref _listingsPending, pending ? 1 : -1);

    /// <summary>Counts a failed attempt to hand a listing to its shard.</summary>
    public void ListingFailed() => Interlocked.Increment(ref _listingFailures);

    /// <summary>Moves the count of catalog shards behind.</summary>
    public void ShardBehindChanged(bool behind) => Interlocked.Add(ref _shardsBehind, behind ? 1 : -1);

    /// <summary>Counts listings a merge repaired.</summary>
    public void ListingsRepaired(int listings) => Interlocked.Add(ref _repaired, listings);

    /// <summary>Counts a user read refused because a silo did not answer.</summary>
    public void UserReadRefused() => Interlocked.Increment(ref _userReadsRefused);

    /// <summary>Counts a fenced write.</summary>
    public void Fenced() => Interlocked.Increment(ref _fenced);
}
