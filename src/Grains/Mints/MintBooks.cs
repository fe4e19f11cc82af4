using RocksDbSharp;
using Spin.Chain.Binary;
using Spin.Grains.Candles;
using Spin.Grains.Catalog;
using Spin.Grains.Details;
using Spin.Grains.Interfaces.Events;
using Spin.Grains.Orders;
using Spin.Grains.Interfaces.Catalog;
using Spin.Grains.Interfaces.Orders;
using Spin.Grains.Storage;
using Spin.Grains.Users;

namespace Spin.Grains.Mints;

/// <summary>One mint's data in a silo's store: event log, candles, orders, details, its part of the user index and its
/// catalog listing, staged together into one WriteBatch. The same code writes a mint on its primary, on its replica and
/// when it catches up, so every copy derives identical state from the same events in the same order, and a user's
/// history or the catalog is complete wherever the mint's log is.</summary>
public sealed class MintBooks
{
    private readonly RocksStore _store;
    private readonly byte[] _mint;
    private readonly UserIndex _users;

    /// <summary>Opens the books of <paramref name="address"/> (nothing is read until <see cref="Load"/>).</summary>
    public MintBooks(RocksStore store, string address)
    {
        _store = store;
        var mint = PublicKey.Parse(address);
        _mint = mint;
        _users = new UserIndex(store, mint);
        Log = new MintEventLog(store, mint);
        Candles = new CandleBook(store, mint);
        Orders = new OrderBook(store, mint);
        Details = new DetailsBook(store, mint, address);
    }

    /// <summary>The event log.</summary>
    public MintEventLog Log { get; }

    /// <summary>The candles.</summary>
    public CandleBook Candles { get; }

    /// <summary>The open orders.</summary>
    public OrderBook Orders { get; }

    /// <summary>The details and aggregates.</summary>
    public DetailsBook Details { get; }

    /// <summary>Reads the newest sequence number and the details.</summary>
    public MintBooks Load()
    {
        Log.Load();
        Details.Load();
        return this;
    }

    /// <summary>Stages the events not stored yet into <paramref name="batch"/>; <see cref="Commit"/> once it is written,
    /// and <see cref="Discard"/> in every case.</summary>
    public StagedEvents Stage(IReadOnlyList<ChainEvent> events, WriteBatch batch)
    {
        var staged = Log.Stage(events, batch);
        Candles.Stage(staged.Applied, batch);
        Orders.Stage(staged.Applied, batch);
        Details.Stage(staged.Applied, batch);
        if (staged.Applied.Count > 0)
        {
            var lastSeq = staged.Result.LastSeq;
            _users.Stage(staged.Applied, lastSeq - staged.Applied.Count + 1, batch, Orders.OwnerOf);
            StageListing(ListingRecord.Of(Details.Next!, lastSeq), batch);
        }

        return staged;
    }

    /// <summary>Adds the mint's catalog listing to <paramref name="batch"/>.</summary>
    public void StageListing(MintListing listing, WriteBatch batch) =>
        batch.Put(StoreKeys.Listing((ushort)CatalogShards.Of(listing.Mint), _mint), ListingRecord.Encode(listing), _store[StoreColumn.Catalog]);

    /// <summary>The mint's catalog listing, or null for a mint with no event yet.</summary>
    public MintListing? Listing => Details.Current is { } details ? ListingRecord.Of(details, Log.LastSeq) : null;

    /// <summary>The events of this mint that concern <paramref name="user"/> (ascending) and the user's open orders here.</summary>
    public (List<StoredEvent> Events, List<MarginOrder> Orders) ReadUser(string user) =>
        (Log.ReadSeqs(_users.Read(PublicKey.Parse(user))), Orders.OpenOf(user));

    /// <summary>Makes a written stage the books' state.</summary>
    public void Commit(StagedEvents staged)
    {
        Log.Commit(staged);
        Details.Commit();
    }

    /// <summary>Forgets what was staged.</summary>
    public void Discard()
    {
        Candles.Discard();
        Orders.Discard();
    }

    /// <summary>Stages, writes and commits in one step (replicas and catch-up); returns how many events were new.</summary>
    public int Write(IReadOnlyList<ChainEvent> events)
    {
        using var batch = new WriteBatch();
        try
        {
            var staged = Stage(events, batch);
            if (staged.Applied.Count > 0)
            {
                _store.Write(batch);
            }

            Commit(staged);
            return staged.Applied.Count;
        }
        finally
        {
            Discard();
        }
    }
}
