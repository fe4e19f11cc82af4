using Orleans.GrainDirectory;
using Spin.Grains.Interfaces.Replication;
using Spin.Grains.Storage;

namespace Spin.Grains.Placement;

/// <summary>A user's or a catalog shard's copy on the silo its key names. Reads the store afresh on every call: the
/// grain it copies may run on this silo too, after a failover.</summary>
[NamedSiloPlacement, GrainDirectory(GrainDirectoryName = PinnedGrainDirectory.Name)]
public sealed class PrefixReplicaGrain(RocksStore store, ReplicationMetrics metrics) : Grain, IPrefixReplicaGrain
{
    private ReplicatedPrefix Prefix => ReplicatedPrefix.Of(store, NamedSiloPlacement.Parse(this.GetPrimaryKeyString()).Key);

    /// <inheritdoc />
    public Task<long> Version() => Task.FromResult(Prefix.ReadVersion());

    /// <inheritdoc />
    public Task<long> Apply(long version, IReadOnlyList<StoreEntry> entries)
    {
        var prefix = Prefix;
        var held = prefix.ReadVersion();
        if (held == version - 1)
        {
            prefix.Write(entries, version);
            metrics.Replicated(entries.Count);
            return Task.FromResult(version);
        }

        return Task.FromResult(held);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<StoreEntry>> Read(byte[]? after, int max) => Task.FromResult(Prefix.Read(after, Math.Min(max, 10_000)));

    /// <inheritdoc />
    public Task Install(bool first, IReadOnlyList<StoreEntry> entries)
    {
        Prefix.Install(first, entries);
        metrics.Replicated(entries.Count);
        return Task.CompletedTask;
    }
}
