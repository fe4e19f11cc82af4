namespace Spin.Grains.Interfaces.Replication;

/// <summary>The copy, on the silo its key names, of the keys one grain owns under a prefix of the silo-local store
/// (a user's history and orders, a catalog shard), with the version its primary gave the last write. Keyed
/// <c>silo/users:&lt;address&gt;</c> or <c>silo/catalog:&lt;shard&gt;</c>.</summary>
[Alias("Spin.Grains.Interfaces.Replication.IPrefixReplicaGrain")]
public interface IPrefixReplicaGrain : IGrainWithStringKey
{
    /// <summary>The version of the newest write held (0 when none).</summary>
    [Alias("Version")]
    Task<long> Version();

    /// <summary>Applies the write that the primary numbered <paramref name="version"/> when the write before it is held;
    /// returns the version held afterwards (lower than <paramref name="version"/> when a snapshot must be sent instead).</summary>
    [Alias("Apply")]
    Task<long> Apply(long version, IReadOnlyList<StoreEntry> entries);

    /// <summary>Up to <paramref name="max"/> keys after <paramref name="after"/> (from the start when null), ascending; the
    /// version key comes last.</summary>
    [Alias("Read")]
    Task<IReadOnlyList<StoreEntry>> Read(byte[]? after, int max);

    /// <summary>Installs one page of a snapshot; <paramref name="first"/> clears the prefix before it.</summary>
    [Alias("Install")]
    Task Install(bool first, IReadOnlyList<StoreEntry> entries);
}
