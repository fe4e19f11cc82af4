using System.Buffers.Binary;
using System.Text;
using Spin.Grains.Storage;

namespace Spin.Silo.Ingest;

/// <summary>Keeps the listener's durable cursor in the silo-local store, one per program id (standalone mode).</summary>
public sealed class ChainCursorStore(RocksStore store) : IChainCursorStore
{
    /// <inheritdoc />
    public ValueTask<ChainCursor?> ReadAsync(string programId, CancellationToken cancellationToken)
    {
        var value = store.Get(StoreColumn.Meta, StoreKeys.Meta($"cursor:{programId}"));
        return ValueTask.FromResult(value is null ? null
            : new ChainCursor(Encoding.ASCII.GetString(value.AsSpan(8)), BinaryPrimitives.ReadUInt64BigEndian(value)));
    }

    /// <inheritdoc />
    public ValueTask WriteAsync(string programId, ChainCursor cursor, CancellationToken cancellationToken)
    {
        var value = new byte[8 + cursor.Signature.Length];
        BinaryPrimitives.WriteUInt64BigEndian(value, cursor.Slot);
        Encoding.ASCII.GetBytes(cursor.Signature, value.AsSpan(8));
        store.Put(StoreColumn.Meta, StoreKeys.Meta($"cursor:{programId}"), value);
        return ValueTask.CompletedTask;
    }
}
