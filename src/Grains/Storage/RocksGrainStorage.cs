using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using Orleans.Storage;

namespace Spin.Grains.Storage;

/// <summary>Grain state in the silo-local RocksDB (standalone mode). Honours the ETag contract: the ETag is the
/// record's version; a write or clear whose ETag is not the stored one throws <see cref="InconsistentStateException"/>.</summary>
public sealed class RocksGrainStorage(string name, RocksStore store, IGrainStorageSerializer serializer) : IGrainStorage
{
    private readonly object[] _locks = Enumerable.Range(0, 64).Select(_ => new object()).ToArray();

    /// <summary>The provider name (<c>rocks</c>).</summary>
    public string Name { get; } = name;

    /// <inheritdoc />
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var value = store.Get(StoreColumn.GrainState, Key(stateName, grainId));
        if (value is null)
        {
            grainState.ETag = null;
            grainState.RecordExists = false;
            return Task.CompletedTask;
        }

        grainState.State = serializer.Deserialize<T>(new BinaryData(value.AsMemory(8)));
        grainState.ETag = Version(value).ToString(CultureInfo.InvariantCulture);
        grainState.RecordExists = true;
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var key = Key(stateName, grainId);
        var payload = serializer.Serialize(grainState.State).ToMemory();
        lock (Lock(key))
        {
            var version = CheckETag(key, grainState.ETag, stateName, grainId) + 1;
            var value = new byte[8 + payload.Length];
            BinaryPrimitives.WriteInt64BigEndian(value, version);
            payload.Span.CopyTo(value.AsSpan(8));
            store.Put(StoreColumn.GrainState, key, value);
            grainState.ETag = version.ToString(CultureInfo.InvariantCulture);
            grainState.RecordExists = true;
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var key = Key(stateName, grainId);
        lock (Lock(key))
        {
            CheckETag(key, grainState.ETag, stateName, grainId);
            store.Delete(StoreColumn.GrainState, key);
            grainState.ETag = null;
            grainState.RecordExists = false;
            grainState.State = Activator.CreateInstance<T>();
        }

        return Task.CompletedTask;
    }

    // The stored version (0 when absent) after checking that the caller's ETag names it.
    private long CheckETag(byte[] key, string? etag, string stateName, GrainId grainId)
    {
        var stored = store.Get(StoreColumn.GrainState, key);
        var current = stored is null ? null : Version(stored).ToString(CultureInfo.InvariantCulture);
        if (!string.Equals(current, etag, StringComparison.Ordinal))
        {
            throw new InconsistentStateException(
                $"{Name}: stale ETag for state '{stateName}' of {grainId}: stored {current ?? "none"}, given {etag ?? "none"}.", current, etag);
        }

        return stored is null ? 0 : Version(stored);
    }

    private object Lock(byte[] key) => _locks[(int)((uint)key.Aggregate(17, (h, b) => (h * 31) + b) % _locks.Length)];

    private static long Version(byte[] value) => BinaryPrimitives.ReadInt64BigEndian(value);

    private static byte[] Key(string stateName, GrainId grainId) => Encoding.UTF8.GetBytes($"{stateName}\0{grainId}");
}
