namespace Spin.Silo.Ingest;

/// <summary>Where the listener's durable cursor is kept, one per program id: the silo-local RocksDB in standalone mode,
/// PostgreSQL under the listener lease in cluster mode.</summary>
public interface IChainCursorStore
{
    /// <summary>Reads the cursor, or null before the first batch.</summary>
    ValueTask<ChainCursor?> ReadAsync(string programId, CancellationToken cancellationToken);

    /// <summary>Stores the cursor; throws <see cref="LeaseLostException"/> when a lease guards it and is no longer held.</summary>
    ValueTask WriteAsync(string programId, ChainCursor cursor, CancellationToken cancellationToken);
}
