using RocksDbSharp;
using Spin.Grains.Interfaces.Events;
using Spin.Grains.Interfaces.Mints;
using Spin.Grains.Storage;

namespace Spin.Grains.Mints;

/// <summary>One mint's event log in the silo-local store: dense sequence numbers 1..N in chain order,
/// appended idempotently and read by range scans.</summary>
public sealed class MintEventLog(RocksStore store, byte[] mint)
{
    /// <summary>The sequence number of the newest stored event (0 when empty).</summary>
    public long LastSeq { get; private set; }

    /// <summary>Reads the newest sequence number from the store.</summary>
    public void Load()
    {
        using var iterator = store.NewIterator(StoreColumn.Events);
        iterator.SeekForPrev(StoreKeys.Event(mint, long.MaxValue));
        LastSeq = iterator.Valid() && iterator.Key().AsSpan().StartsWith(mint) ? StoreKeys.EventSeq(iterator.Key()) : 0;
    }

    /// <summary>True when the event is stored.</summary>
    public bool Holds(EventId id) => store.HasKey(StoreColumn.Dedup, StoreKeys.Dedup(mint, id));

    /// <summary>Appends the events not stored yet, in one atomic write batch with their dedup keys.</summary>
    public ApplyResult Append(IReadOnlyList<ChainEvent> events)
    {
        using var batch = new WriteBatch();
        var staged = Stage(events, batch);
        if (staged.Applied.Count > 0)
        {
            store.Write(batch);
        }

        Commit(staged);
        return staged.Result;
    }

    /// <summary>Adds the events not stored yet, with their sequence numbers and dedup keys, to <paramref name="batch"/>;
    /// <see cref="Commit"/> once the batch is written.</summary>
    public StagedEvents Stage(IReadOnlyList<ChainEvent> events, WriteBatch batch)
    {
        var seen = new HashSet<EventId>();
        var applied = new List<ChainEvent>(events.Count);
        var seq = LastSeq;
        foreach (var chainEvent in events)
        {
            var dedupKey = StoreKeys.Dedup(mint, chainEvent.Id);
            if (!seen.Add(chainEvent.Id) || store.HasKey(StoreColumn.Dedup, dedupKey))
            {
                continue;
            }

            seq++;
            applied.Add(chainEvent);
            batch.Put(StoreKeys.Event(mint, seq), EventRecordCodec.Encode(chainEvent), store[StoreColumn.Events]);
            batch.Put(dedupKey, BitConverter.GetBytes(seq), store[StoreColumn.Dedup]);
        }

        return new StagedEvents(applied, new ApplyResult(applied.Count, events.Count - applied.Count, seq));
    }

    /// <summary>Makes a written stage the log's state.</summary>
    public void Commit(StagedEvents staged) => LastSeq = staged.Result.LastSeq;

    /// <summary>Reads a page: ascending by sequence, or slots descending with chain order kept inside a slot
    /// (spin-server's stable sort). Work is bounded by the page plus the two edge slots.</summary>
    public EventPage Read(EventQuery query)
    {
        var offset = (long)(query.Page - 1) * query.Limit;
        if (query.Limit == 0 || offset >= LastSeq)
        {
            return new EventPage([], LastSeq);
        }

        var events = query.Descending ? ReadDescending(offset, query.Limit) : ReadRange(offset + 1, Math.Min(LastSeq, offset + query.Limit));
        return new EventPage(events, LastSeq);
    }

    /// <summary>Up to <paramref name="max"/> events from <paramref name="fromSeq"/> on, ascending.</summary>
    public IReadOnlyList<StoredEvent> ReadFrom(long fromSeq, int max) =>
        max <= 0 || fromSeq > LastSeq ? [] : ReadRange(Math.Max(1, fromSeq), Math.Min(LastSeq, Math.Max(1, fromSeq) + max - 1));

    /// <summary>The stored events with the given sequence numbers, in that order.</summary>
    public List<StoredEvent> ReadSeqs(IReadOnlyList<long> seqs)
    {
        var events = new List<StoredEvent>(seqs.Count);
        foreach (var seq in seqs)
        {
            if (store.Get(StoreColumn.Events, StoreKeys.Event(mint, seq)) is { } record)
            {
                events.Add(new StoredEvent(seq, EventRecordCodec.Decode(record)));
            }
        }

        return events;
    }

    private List<StoredEvent> ReadDescending(long offset, int limit)
    {
        using var iterator = store.NewIterator(StoreColumn.Events);
        var high = SlotEdge(iterator, LastSeq - offset, forward: true);
        var low = SlotEdge(iterator, Math.Max(1, LastSeq - offset - limit + 1), forward: false);
        var window = ReadRange(low, high);
        var slotsDescending = window.GroupBy(e => e.Event.Slot).Reverse().SelectMany(g => g).ToList();
        var first = (int)(offset - (LastSeq - high));
        return slotsDescending.Skip(first).Take(limit).ToList();
    }

    // Moves from seq to the first (backward) or last (forward) sequence number of the same slot.
    private long SlotEdge(Iterator iterator, long seq, bool forward)
    {
        iterator.Seek(StoreKeys.Event(mint, seq));
        var slot = EventRecordCodec.ReadSlot(iterator.Value());
        var edge = seq;
        while (true)
        {
            if (forward) { iterator.Next(); } else { iterator.Prev(); }
            if (!iterator.Valid() || !iterator.Key().AsSpan().StartsWith(mint) || EventRecordCodec.ReadSlot(iterator.Value()) != slot)
            {
                return edge;
            }

            edge = StoreKeys.EventSeq(iterator.Key());
        }
    }

    private List<StoredEvent> ReadRange(long from, long to)
    {
        var result = new List<StoredEvent>((int)Math.Max(0, to - from + 1));
        using var iterator = store.NewIterator(StoreColumn.Events);
        for (iterator.Seek(StoreKeys.Event(mint, from)); iterator.Valid(); iterator.Next())
        {
            var key = iterator.Key();
            var seq = StoreKeys.EventSeq(key);
            if (!key.AsSpan().StartsWith(mint) || seq > to)
            {
                break;
            }

            result.Add(new StoredEvent(seq, EventRecordCodec.Decode(iterator.Value())));
        }

        return result;
    }
}
