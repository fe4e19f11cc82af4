namespace Spin.Grains.Placement;

/// <summary>How mints behave while catching up (<c>Spin:Cluster:Replication</c>).</summary>
public sealed class ReplicationOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Spin:Cluster:Replication";

    /// <summary>How long a mint whose store is behind its manifest refuses new batches while waiting for a peer to bring
    /// the missing events (a silo restarting, or a whole cluster starting one silo after another). After it, new batches
    /// are accepted and the missing events are counted as needing a chain backfill.</summary>
    public TimeSpan SyncGrace { get; set; } = TimeSpan.FromSeconds(60);
}
