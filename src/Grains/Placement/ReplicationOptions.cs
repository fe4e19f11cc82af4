namespace Spin.Grains.Placement;

/// <summary>How mints behave while catching up, and how long they wait for the catalog (<c>Spin:Cluster:Replication</c>).</summary>
public sealed class ReplicationOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Spin:Cluster:Replication";

    /// <summary>How long a mint whose store is behind its manifest refuses new batches while waiting for a peer to bring
    /// the missing events (a silo restarting, or a whole cluster starting one silo after another). After it, new batches
    /// are accepted and the missing events are counted as lost. The chain is asked too, and usually repairs the mint first.</summary>
    public TimeSpan SyncGrace { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long a mint behind its manifest waits for its peers before it reads its history from the chain node:
    /// after a whole-cluster restart the silos holding the missing events come back within seconds of each other.</summary>
    public TimeSpan ChainReadAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often, at most, a mint behind its manifest reads its history from the chain node (when one is
    /// configured) after no peer brought the missing events: a dead node is not asked on every retry.</summary>
    public TimeSpan ChainReadInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long one read of a mint's history from the chain may take; the mint answers nothing meanwhile.</summary>
    public TimeSpan ChainReadTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>How long a mint's batch waits for its catalog shard to take the mint's new listing before it is
    /// acknowledged anyway; a shard that has not answered by then is handed the listing in the background until it
    /// answers (and finds it in the silos' stores at its next merge), so an unreachable shard never holds up the listener
    /// or the pushes of any mint.</summary>
    public TimeSpan CatalogWait { get; set; } = TimeSpan.FromSeconds(2);
}
