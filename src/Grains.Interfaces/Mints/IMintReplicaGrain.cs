using Spin.Grains.Interfaces.Events;

namespace Spin.Grains.Interfaces.Mints;

/// <summary>The copy of one mint's data on one silo, keyed <c>silo/mint</c> and pinned to that silo: the mint's primary
/// writes each applied batch here before acknowledging it, and a primary that lacks data pulls it from here.</summary>
[Alias("Spin.Grains.Interfaces.Mints.IMintReplicaGrain")]
public interface IMintReplicaGrain : IGrainWithStringKey
{
    /// <summary>Stores events whose sequence numbers start at <paramref name="firstSeq"/>, skipping those already held;
    /// returns the newest sequence number held afterwards. Stores nothing when it lacks events before
    /// <paramref name="firstSeq"/> (the answer says from where the primary must send).</summary>
    [Alias("Store")]
    Task<long> Store(long firstSeq, IReadOnlyList<ChainEvent> events);

    /// <summary>The newest sequence number held (0 when none).</summary>
    [Alias("LastSeq")]
    Task<long> LastSeq();

    /// <summary>Up to <paramref name="max"/> held events from <paramref name="fromSeq"/> on, ascending.</summary>
    [Alias("Read")]
    Task<IReadOnlyList<StoredEvent>> Read(long fromSeq, int max);
}
