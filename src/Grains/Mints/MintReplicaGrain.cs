using Orleans.GrainDirectory;
using Spin.Grains.Interfaces.Events;
using Spin.Grains.Interfaces.Mints;
using Spin.Grains.Placement;
using Spin.Grains.Storage;

namespace Spin.Grains.Mints;

/// <summary>A mint's copy on the silo its key names. It keeps nothing in memory between calls: the same store may also be
/// written by the mint's own grain when that grain runs on this silo (after a failover), so every call reads afresh.</summary>
[NamedSiloPlacement, GrainDirectory(GrainDirectoryName = PinnedGrainDirectory.Name)]
public sealed class MintReplicaGrain(RocksStore store, ReplicationMetrics metrics) : Grain, IMintReplicaGrain
{
    private string Mint => NamedSiloPlacement.Parse(this.GetPrimaryKeyString()).Key;

    /// <inheritdoc />
    public Task<long> Store(long firstSeq, IReadOnlyList<ChainEvent> events)
    {
        var books = new MintBooks(store, Mint).Load();
        var held = books.Log.LastSeq;
        if (held < firstSeq - 1)
        {
            return Task.FromResult(held);
        }

        var known = (int)Math.Min(events.Count, held - firstSeq + 1);
        if (known < events.Count)
        {
            metrics.Replicated(books.Write(known == 0 ? events : events.Skip(known).ToList()));
        }

        return Task.FromResult(books.Log.LastSeq);
    }

    /// <inheritdoc />
    public Task<long> LastSeq() => Task.FromResult(new MintBooks(store, Mint).Load().Log.LastSeq);

    /// <inheritdoc />
    public Task<IReadOnlyList<StoredEvent>> Read(long fromSeq, int max) =>
        Task.FromResult(new MintBooks(store, Mint).Load().Log.ReadFrom(fromSeq, Math.Min(max, 10_000)));
}
