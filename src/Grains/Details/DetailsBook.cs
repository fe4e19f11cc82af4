using System.Text.Json;
using RocksDbSharp;
using Spin.Grains.Interfaces.Events;
using Spin.Grains.Interfaces.Mints;
using Spin.Grains.Storage;

namespace Spin.Grains.Details;

/// <summary>One mint's details, kept in memory and stored (JSON, Meta column family) in the batch's WriteBatch.</summary>
public sealed class DetailsBook(RocksStore store, byte[] mint, string mintAddress)
{
    private readonly byte[] _key = [.. mint, (byte)'D'];
    private MintDetails? _staged;

    /// <summary>The details, or null for a mint with no event yet.</summary>
    public MintDetails? Current { get; private set; }

    /// <summary>The details as the staged events leave them (the current ones when nothing is staged).</summary>
    public MintDetails? Next => _staged ?? Current;

    /// <summary>Reads the stored details.</summary>
    public void Load() =>
        Current = store.Get(StoreColumn.Meta, _key) is { } value ? JsonSerializer.Deserialize<MintDetails>(value) : null;

    /// <summary>Adds the details after the newly applied events to <paramref name="batch"/>.</summary>
    public void Stage(IReadOnlyList<ChainEvent> applied, WriteBatch batch)
    {
        _staged = null;
        if (applied.Count == 0)
        {
            return;
        }

        _staged = applied.Aggregate(Current ?? new MintDetails { MintAccount = mintAddress }, DetailsAggregator.Apply);
        batch.Put(_key, JsonSerializer.SerializeToUtf8Bytes(_staged), store[StoreColumn.Meta]);
    }

    /// <summary>Makes the staged details current once their batch is written.</summary>
    public void Commit() => Current = _staged ?? Current;
}
