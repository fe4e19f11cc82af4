using System.Buffers.Binary;
using System.Text;
using Spin.Grains.Storage;

namespace Spin.Silo.Ingest;

/// <summary>Keeps the listener's durable cursor in the silo-local store, one per program id.</summary>
public sealed class ChainCursorStore(RocksStore store)
{
    /// <summary>Reads the cursor, or null before the first batch.</summary>
    public ChainCursor? Read(string programId)
    {
        var value = store.Get(StoreColumn.Meta, StoreKeys.Meta($"cursor:{programId}"));
        return value is null ? null : new ChainCursor(Encoding.ASCII.GetString(value.AsSpan(8)), BinaryPrimitives.ReadUInt64BigEndian(value));
    }

    /// <summary>Stores the cursor.</summary>
    public void Write(string programId, ChainCursor cursor)
    {
        var value = new byte[8 + cursor.Signature.Length];
        BinaryPrimitives.WriteUInt64BigEndian(value, cursor.Slot);
        Encoding.ASCII.GetBytes(cursor.Signature, value.AsSpan(8));
        store.Put(StoreColumn.Meta, StoreKeys.Meta($"cursor:{programId}"), value);
    }
}
