using RocksDbSharp;
using Spin.Chain.Binary;
using Spin.Grains.Candles;
using Spin.Grains.Details;
using Spin.Grains.Interfaces.Events;
using Spin.Grains.Orders;
using Spin.Grains.Storage;

namespace Spin.Grains.Mints;

/// <summary>One mint's data in a silo's store: event log, candles, orders and details, staged together into one
/// WriteBatch. The same code writes a mint on its primary and on its replica, so both derive identical state from the
/// same events in the same order.</summary>
public sealed class MintBooks
{
    private readonly RocksStore _store;

    /// <summary>Opens the books of <paramref name="address"/> (nothing is read until <see cref="Load"/>).</summary>
    public MintBooks(RocksStore store, string address)
    {
        _store = store;
        var mint = PublicKey.Parse(address);
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
        return staged;
    }

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
