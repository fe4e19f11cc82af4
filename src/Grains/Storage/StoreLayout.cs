using System.Buffers.Binary;
using Microsoft.Extensions.Logging;
using RocksDbSharp;
using Spin.Chain.Binary;
using Spin.Grains.Mints;
using Spin.Grains.Users;

namespace Spin.Grains.Storage;

/// <summary>The version of the store's key layout, kept in the Meta column family. Layout 2 keeps the user index and the
/// catalog listings with the mints (written in their batches); layout 1 kept them per user grain and catalog shard. A
/// layout-1 store is upgraded on open by rebuilding both from the mints' logs, which hold everything they derive from;
/// a store of a newer layout is refused.</summary>
public static partial class StoreLayout
{
    /// <summary>The layout this code writes.</summary>
    public const int Current = 2;

    private const int Page = 2_000;
    private static readonly byte[] Key = StoreKeys.Meta("layout");

    /// <summary>Brings <paramref name="store"/> to <see cref="Current"/>.</summary>
    public static void Upgrade(RocksStore store, ILogger logger)
    {
        var held = store.Get(StoreColumn.Meta, Key) is { Length: 4 } value ? BinaryPrimitives.ReadInt32BigEndian(value) : IsEmpty(store) ? Current : 1;
        if (held > Current)
        {
            throw new InvalidOperationException(
                $"The store at {store.Path} has layout {held}, written by a newer version of Spin.Orleans (this one reads up to {Current}); run that version, or restore a backup taken by this one.");
        }

        if (held < Current)
        {
            LogWarningUpgrading(logger, store.Path, held, Current);
            Clear(store, StoreColumn.Users);
            Clear(store, StoreColumn.Catalog);
            var (mints, events) = RebuildIndexes(store);
            LogWarningUpgraded(logger, store.Path, mints, events);
        }

        var layout = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(layout, Current);
        store.Put(StoreColumn.Meta, Key, layout);
    }

    private static bool IsEmpty(RocksStore store)
    {
        using var iterator = store.NewIterator(StoreColumn.Events);
        iterator.SeekToFirst();
        return !iterator.Valid();
    }

    private static void Clear(RocksStore store, StoreColumn column)
    {
        using var batch = new WriteBatch();
        using var iterator = store.NewIterator(column);
        for (iterator.SeekToFirst(); iterator.Valid(); iterator.Next())
        {
            batch.Delete(iterator.Key(), store[column]);
        }

        store.Write(batch);
    }

    // Every mint of the Events column family, one after the other: its events feed the user index, its details the listing.
    private static (int Mints, long Events) RebuildIndexes(RocksStore store)
    {
        var events = 0L;
        var mints = Mints(store);
        foreach (var mint in mints)
        {
            var books = new MintBooks(store, PublicKey.ToBase58(mint)).Load();
            var users = new UserIndex(store, mint);
            for (var from = 1L; from <= books.Log.LastSeq; from += Page)
            {
                using var batch = new WriteBatch();
                var range = books.Log.ReadFrom(from, Page);
                users.Stage(range.Select(e => e.Event).ToList(), from, batch, books.Orders.OwnerOf);
                if (from + Page > books.Log.LastSeq && books.Listing is { } listing)
                {
                    books.StageListing(listing, batch);
                }

                store.Write(batch);
                events += range.Count;
            }
        }

        return (mints.Count, events);
    }

    private static List<byte[]> Mints(RocksStore store)
    {
        var mints = new List<byte[]>();
        using var iterator = store.NewIterator(StoreColumn.Events);
        iterator.SeekToFirst();
        while (iterator.Valid())
        {
            var mint = iterator.Key().AsSpan(0, PublicKey.Length).ToArray();
            mints.Add(mint);
            // Event keys end in a positive sequence number, so this lands on the next mint's first event.
            iterator.Seek(StoreKeys.Event(mint, long.MaxValue));
        }

        return mints;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The store at {Path} has layout {Held}; rebuilding its user index and catalog listings from the mints' logs for layout {Current}")]
    private static partial void LogWarningUpgrading(ILogger logger, string path, int held, int current);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The store at {Path} was upgraded: {Mints} mints, {Events} events indexed")]
    private static partial void LogWarningUpgraded(ILogger logger, string path, int mints, long events);
}
