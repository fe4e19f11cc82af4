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

    /// <summary>When the last event was applied, or null.</summary>
    public DateTimeOffset? LastEventAt { get; private set; }

    internal void Decoded(SpinEventType type) => Interlocked.Increment(ref _byType[(int)type]);

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
        }
    }
}
