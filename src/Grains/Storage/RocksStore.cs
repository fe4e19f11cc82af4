using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RocksDbSharp;

namespace Spin.Grains.Storage;

/// <summary>The silo-local RocksDB: one database, a column family per <see cref="StoreColumn"/>, shared
/// read and write options built once. Thread-safe, as RocksDB is.</summary>
public sealed partial class RocksStore : IDisposable
{
    private readonly RocksDb _db;
    private readonly ColumnFamilyHandle[] _columns;
    private readonly WriteOptions _writeOptions;
    private readonly ReadOptions _readOptions = new();

    /// <summary>Opens (creating if needed) the database at the configured path.</summary>
    public RocksStore(IOptions<StorageOptions> options, ILogger<RocksStore> logger)
    {
        var path = System.IO.Path.GetFullPath(System.IO.Path.Combine(options.Value.Path, "rocksdb"));
        Directory.CreateDirectory(path);
        var dbOptions = new DbOptions()
            .SetCreateIfMissing(true)
            .SetCreateMissingColumnFamilies(true)
            .SetKeepLogFileNum(5);
        // Bloom filters make the dedup lookups of new events (the common case: the key is absent) skip SST files.
        var table = new BlockBasedTableOptions().SetFilterPolicy(BloomFilterPolicy.Create(10, false)).SetWholeKeyFiltering(true);
        var families = new ColumnFamilies();
        foreach (var column in Enum.GetNames<StoreColumn>())
        {
            families.Add(column, new ColumnFamilyOptions().SetCompression(Compression.Lz4).SetBlockBasedTableFactory(table));
        }

        _db = RocksDb.Open(dbOptions, path, families);
        _columns = Enum.GetNames<StoreColumn>().Select(_db.GetColumnFamily).ToArray();
        _writeOptions = new WriteOptions().SetSync(options.Value.SyncWrites);
        Path = path;
        LogInformationOpened(logger, path);
        StoreLayout.Upgrade(this, logger);
    }

    /// <summary>The database directory.</summary>
    public string Path { get; }

    /// <summary>The handle of a column family.</summary>
    public ColumnFamilyHandle this[StoreColumn column] => _columns[(int)column];

    /// <summary>Writes a batch atomically.</summary>
    public void Write(WriteBatch batch) => _db.Write(batch, _writeOptions);

    /// <summary>Reads one value, or null.</summary>
    public byte[]? Get(StoreColumn column, ReadOnlySpan<byte> key) => _db.Get(key, this[column], _readOptions);

    /// <summary>True when the key exists.</summary>
    public bool HasKey(StoreColumn column, ReadOnlySpan<byte> key) => _db.HasKey(key, this[column], _readOptions);

    /// <summary>Writes one value outside any batch.</summary>
    public void Put(StoreColumn column, ReadOnlySpan<byte> key, ReadOnlySpan<byte> value) =>
        _db.Put(key, value, this[column], _writeOptions);

    /// <summary>Deletes one value outside any batch.</summary>
    public void Delete(StoreColumn column, byte[] key) => _db.Remove(key, this[column], _writeOptions);

    /// <summary>A new iterator over a column family; the caller disposes it.</summary>
    public Iterator NewIterator(StoreColumn column) => _db.NewIterator(this[column], _readOptions);

    /// <summary>A RocksDB property, e.g. <c>rocksdb.stats</c> or <c>rocksdb.estimate-num-keys</c>.</summary>
    public string? GetProperty(string name, StoreColumn? column = null) =>
        column is { } c ? _db.GetProperty(name, this[c]) : _db.GetProperty(name);

    /// <inheritdoc />
    public void Dispose()
    {
        _db.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Opened RocksDB at {Path}")]
    private static partial void LogInformationOpened(ILogger logger, string path);
}
