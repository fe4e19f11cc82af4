using System.Buffers.Binary;
using RocksDbSharp;
using Spin.Chain.Binary;
using Spin.Grains.Interfaces.Replication;
using Spin.Grains.Storage;

namespace Spin.Grains.Placement;

/// <summary>The keys one grain owns under a prefix of one column family, plus a version key (<c>prefix | 0xFF | 'v'</c>,
/// the last key of the prefix) that counts the grain's writes. Replicas and catch-up copy these keys between silos.</summary>
public sealed class ReplicatedPrefix
{
    private readonly RocksStore _store;
    private readonly StoreColumn _column;
    private readonly byte[] _prefix;
    private readonly byte[] _versionKey;

    /// <summary>The prefix of <paramref name="column"/> in <paramref name="store"/>.</summary>
    public ReplicatedPrefix(RocksStore store, StoreColumn column, byte[] prefix)
    {
        _store = store;
        _column = column;
        _prefix = prefix;
        _versionKey = [.. prefix, 0xFF, (byte)'v'];
    }

    /// <summary>The prefix of a user grain (<c>users:&lt;address&gt;</c>) or a catalog shard (<c>catalog:&lt;shard&gt;</c>).</summary>
    public static ReplicatedPrefix Of(RocksStore store, string name)
    {
        var colon = name.IndexOf(':');
        var (kind, key) = colon < 0 ? (name, "") : (name[..colon], name[(colon + 1)..]);
        return kind switch
        {
            Users => new ReplicatedPrefix(store, StoreColumn.Users, PublicKey.Parse(key)),
            Catalog => new ReplicatedPrefix(store, StoreColumn.Catalog, ShardPrefix(ushort.Parse(key, System.Globalization.CultureInfo.InvariantCulture))),
            _ => throw new ArgumentException($"'{name}' names no replicated prefix", nameof(name)),
        };
    }

    /// <summary>The name kind of user grains.</summary>
    public const string Users = "users";

    /// <summary>The name kind of catalog shards.</summary>
    public const string Catalog = "catalog";

    /// <summary>The two-byte key prefix of a catalog shard.</summary>
    public static byte[] ShardPrefix(ushort shard)
    {
        var prefix = new byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(prefix, shard);
        return prefix;
    }

    /// <summary>The version of the newest write held (0 when none).</summary>
    public long ReadVersion() => _store.Get(_column, _versionKey) is { Length: 8 } value ? BinaryPrimitives.ReadInt64BigEndian(value) : 0;

    /// <summary>Writes <paramref name="entries"/> and the version in one batch.</summary>
    public void Write(IReadOnlyList<StoreEntry> entries, long version)
    {
        using var batch = new WriteBatch();
        var column = _store[_column];
        foreach (var entry in entries)
        {
            if (entry.Value is null) { batch.Delete(entry.Key, column); } else { batch.Put(entry.Key, entry.Value, column); }
        }

        batch.Put(_versionKey, Encode(version), column);
        _store.Write(batch);
    }

    /// <summary>Up to <paramref name="max"/> keys after <paramref name="after"/>, ascending (the version key last).</summary>
    public IReadOnlyList<StoreEntry> Read(byte[]? after, int max)
    {
        var entries = new List<StoreEntry>();
        using var iterator = _store.NewIterator(_column);
        iterator.Seek(after ?? _prefix);
        if (after is not null && iterator.Valid() && iterator.Key().AsSpan().SequenceEqual(after))
        {
            iterator.Next();
        }

        for (; entries.Count < max && iterator.Valid() && iterator.Key().AsSpan().StartsWith(_prefix); iterator.Next())
        {
            entries.Add(new StoreEntry(iterator.Key(), iterator.Value()));
        }

        return entries;
    }

    /// <summary>Writes one page of a snapshot; <paramref name="first"/> deletes every key of the prefix in the same batch.</summary>
    public void Install(bool first, IReadOnlyList<StoreEntry> entries)
    {
        using var batch = new WriteBatch();
        var column = _store[_column];
        if (first)
        {
            using var iterator = _store.NewIterator(_column);
            for (iterator.Seek(_prefix); iterator.Valid() && iterator.Key().AsSpan().StartsWith(_prefix); iterator.Next())
            {
                batch.Delete(iterator.Key(), column);
            }
        }

        foreach (var entry in entries.Where(e => e.Value is not null && e.Key.AsSpan().StartsWith(_prefix)))
        {
            batch.Put(entry.Key, entry.Value!, column);
        }

        _store.Write(batch);
    }

    private static byte[] Encode(long version)
    {
        var value = new byte[8];
        BinaryPrimitives.WriteInt64BigEndian(value, version);
        return value;
    }
}
