using System.Buffers.Binary;
using Microsoft.Extensions.Logging;
using Spin.Chain.Binary;
using Spin.Grains.Interfaces.Catalog;
using Spin.Grains.Interfaces.Replication;
using Spin.Grains.Placement;
using Spin.Grains.Storage;

namespace Spin.Grains.Catalog;

/// <summary>One catalog shard: for each sort order an index <c>shard | kind | value | mint</c> in RocksDB, so a page
/// is a range scan from the cursor; moving a mint deletes its old index keys in the same WriteBatch.</summary>
[RendezvousPlacement]
public sealed class CatalogShardGrain(RocksStore store, SiloRanking ranking, ReplicationMetrics metrics, ILogger<CatalogShardGrain> logger)
    : Grain, ICatalogShardGrain
{
    private const byte Listing = (byte)'m';
    private byte[] _shard = null!;
    private long _count;
    private PrefixReplication _replication = null!;

    /// <inheritdoc />
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var shard = (ushort)this.GetPrimaryKeyLong();
        _shard = ReplicatedPrefix.ShardPrefix(shard);
        _replication = new PrefixReplication(new ReplicatedPrefix(store, StoreColumn.Catalog, _shard),
            $"{ReplicatedPrefix.Catalog}:{shard}", this.GetGrainId(), ranking, GrainFactory, metrics, logger);
        await _replication.CatchUpAsync();
        using var iterator = store.NewIterator(StoreColumn.Catalog);
        byte[] prefix = [.. _shard, Listing];
        for (iterator.Seek(prefix); iterator.Valid() && iterator.Key().AsSpan().StartsWith(prefix); iterator.Next())
        {
            _count++;
        }
    }

    /// <inheritdoc />
    public async Task Upsert(MintListing listing)
    {
        var mint = PublicKey.Parse(listing.Mint);
        var listingKey = (byte[])[.. _shard, Listing, .. mint];
        var value = new byte[24];
        BinaryPrimitives.WriteUInt64BigEndian(value, listing.FirstSlot);
        BinaryPrimitives.WriteUInt64BigEndian(value.AsSpan(8), listing.LastTradeTime);
        BinaryPrimitives.WriteUInt64BigEndian(value.AsSpan(16), listing.VolumeLamports);
        var current = store.Get(StoreColumn.Catalog, listingKey);
        if (current is not null && current.AsSpan().SequenceEqual(value))
        {
            return;
        }

        var entries = new List<StoreEntry>(7);
        for (var i = 0; i < 3; i++)
        {
            if (current is not null)
            {
                entries.Add(new StoreEntry(IndexKey(Kinds[i], BinaryPrimitives.ReadUInt64BigEndian(current.AsSpan(i * 8)), mint), null));
            }

            entries.Add(new StoreEntry(IndexKey(Kinds[i], BinaryPrimitives.ReadUInt64BigEndian(value.AsSpan(i * 8)), mint), []));
        }

        entries.Add(new StoreEntry(listingKey, value));
        await _replication.CommitAsync(entries);
        _count += current is null ? 1 : 0;
        if (_replication.Misplaced)
        {
            MigrateOnIdle();
        }
    }

    /// <inheritdoc />
    public Task<CatalogPage> Page(CatalogSort sort, CatalogEntry? after, int limit)
    {
        var kind = sort switch { CatalogSort.LastTradeDesc => Kinds[1], CatalogSort.VolumeDesc => Kinds[2], _ => Kinds[0] };
        byte[] prefix = [.. _shard, kind];
        var descending = sort.IsDescending();
        var start = after is null ? null : IndexKey(kind, after.SortValue, PublicKey.Parse(after.Mint));
        var entries = new List<CatalogEntry>(limit);
        using var iterator = store.NewIterator(StoreColumn.Catalog);
        if (descending) { iterator.SeekForPrev(start ?? [.. prefix, .. Enumerable.Repeat((byte)0xFF, 40)]); } else { iterator.Seek(start ?? prefix); }
        while (entries.Count < limit && iterator.Valid() && iterator.Key().AsSpan().StartsWith(prefix))
        {
            var key = iterator.Key();
            if (start is null || !key.AsSpan().SequenceEqual(start))
            {
                entries.Add(new CatalogEntry(BinaryPrimitives.ReadUInt64BigEndian(key.AsSpan(3)), PublicKey.ToBase58(key.AsSpan(11))));
            }

            if (descending) { iterator.Prev(); } else { iterator.Next(); }
        }

        return Task.FromResult(new CatalogPage(entries, _count));
    }

    private static readonly byte[] Kinds = [(byte)'s', (byte)'t', (byte)'v'];

    private byte[] IndexKey(byte kind, ulong value, byte[] mint)
    {
        var key = new byte[2 + 1 + 8 + mint.Length];
        _shard.CopyTo(key, 0);
        key[2] = kind;
        BinaryPrimitives.WriteUInt64BigEndian(key.AsSpan(3), value);
        mint.CopyTo(key, 11);
        return key;
    }
}
