using Spin.Grains.Interfaces.Events;

namespace Spin.Silo.Ingest;

/// <summary>Counters of the ingest pipeline since process start; thread-safe.</summary>
public sealed class IngestStats
{
    private long _transactions;
    private long _events;
    private long _duplicates;
    private long _failedTransactions;
    private long _notifications;
    private long _fetched;
    private long _lastSlot;
    private readonly DateTimeOffset _created = DateTimeOffset.UtcNow;
    private long _nodeSlot;
    private long _backfilled;
    private long _reconciledSlot;
    private readonly long[] _perSecond = new long[60];
    private readonly long[] _secondOf = new long[60];
    private readonly long[] _byType = new long[Enum.GetValues<SpinEventType>().Length + 1];

    /// <summary>Successful transactions applied.</summary>
    public long Transactions => Interlocked.Read(ref _transactions);

    /// <summary>Events newly stored by their mints.</summary>
    public long Events => Interlocked.Read(ref _events);

    /// <summary>Events a mint already had (redelivery).</summary>
    public long Duplicates => Interlocked.Read(ref _duplicates);

    /// <summary>Failed transactions skipped.</summary>
    public long FailedTransactions => Interlocked.Read(ref _failedTransactions);

    /// <summary>Live notifications received.</summary>
    public long Notifications => Interlocked.Read(ref _notifications);

    /// <summary>Transactions fetched with getTransaction because no live notification carried them.</summary>
    public long Fetched => Interlocked.Read(ref _fetched);

    /// <summary>The slot of the durable cursor.</summary>
    public long LastSlot => Interlocked.Read(ref _lastSlot);

    /// <summary>Events decoded from successful transactions, by type.</summary>
    public long EventsOf(SpinEventType type) => Interlocked.Read(ref _byType[(int)type]);

    /// <summary>The node's newest slot, as last asked.</summary>
    public long NodeSlot => Interlocked.Read(ref _nodeSlot);

    /// <summary>The node slot at the start of the last complete reconciliation: everything up to it is applied.</summary>
    public long ReconciledSlot => Interlocked.Read(ref _reconciledSlot);

    /// <summary>How far behind the node the index is known to be, in slots.</summary>
    public long LagSlots => Math.Max(0, NodeSlot - ReconciledSlot);

    /// <summary>When the last complete reconciliation started, or null before the first.</summary>
    public DateTimeOffset? ReconciledAt { get; private set; }

    /// <summary>The lag in slots, or, when larger, the slots the chain has produced (at 400 ms a slot) since the last
    /// complete reconciliation: a node that cannot be reached does not hide a growing lag.</summary>
    public long EstimatedLagSlots(DateTimeOffset now) =>
        Math.Max(LagSlots, (long)((now - (ReconciledAt ?? _created)).TotalMilliseconds / SlotMilliseconds));

    /// <summary>Solana's target slot time.</summary>
    public const double SlotMilliseconds = 400;

    /// <summary>Events applied in the last 60 seconds.</summary>
    public long EventsLastMinute
    {
        get
        {
            var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
            long sum = 0;
            lock (_perSecond)
            {
                for (var i = 0; i < 60; i++)
                {
                    sum += now - _secondOf[i] < 60 ? _perSecond[i] : 0;
                }
            }

            return sum;
        }
    }

    /// <summary>When the last event was applied, or null.</summary>
    public DateTimeOffset? LastEventAt { get; private set; }

    internal void NodeAt(ulong slot) => Interlocked.Exchange(ref _nodeSlot, (long)slot);

    internal void ReconciledUpTo(ulong slot, DateTimeOffset startedAt)
    {
        Interlocked.Exchange(ref _reconciledSlot, (long)slot);
        ReconciledAt = startedAt;
    }

    internal void Decoded(SpinEventType type) => Interlocked.Increment(ref _byType[(int)type]);

    /// <summary>Events of transactions fetched by reconciliation rather than received live.</summary>
    public long Backfilled => Interlocked.Read(ref _backfilled);

    internal void BackfilledEvent() => Interlocked.Increment(ref _backfilled);

    internal void Notification() => Interlocked.Increment(ref _notifications);

    internal void FailedTransaction() => Interlocked.Increment(ref _failedTransactions);

    internal void Fetch(int count) => Interlocked.Add(ref _fetched, count);

    internal void Applied(int transactions, int events, int duplicates, ulong slot)
    {
        Interlocked.Add(ref _transactions, transactions);
        Interlocked.Add(ref _events, events);
        Interlocked.Add(ref _duplicates, duplicates);
        Interlocked.Exchange(ref _lastSlot, (long)slot);
        if (events > 0)
        {
            LastEventAt = DateTimeOffset.UtcNow;
            var second = LastEventAt.Value.ToUnixTimeSeconds();
            lock (_perSecond)
            {
                var i = (int)(second % 60);
                _perSecond[i] = _secondOf[i] == second ? _perSecond[i] + events : events;
                _secondOf[i] = second;
            }
        }
    }
}
