using System.Collections.Concurrent;
using System.Net.WebSockets;
using Microsoft.Extensions.Options;
using Spin.ChainSimulator.Ledger;

namespace Spin.ChainSimulator.PubSub;

/// <summary>The PubSub side of the simulated validator: its WebSocket connections, and the faults injected into
/// the notification stream (skip, duplicate, drop every connection).</summary>
public sealed class PubSubHub(IOptions<SimulatorOptions> options)
{
    private readonly ConcurrentDictionary<PubSubConnection, byte> _connections = new();
    private readonly Random _faults = new(options.Value.Seed ^ 0x5EED);
    private readonly object _gate = new();
    private int _skipNext;
    private int _duplicateNext;
    private long _nextSubscription;
    private long _drops;
    private long _skipped;
    private long _duplicated;

    /// <summary>Open WebSocket connections.</summary>
    public int Connections => _connections.Count;

    /// <summary>Times every connection was dropped on purpose.</summary>
    public long Drops => Interlocked.Read(ref _drops);

    /// <summary>Notifications not sent.</summary>
    public long Skipped => Interlocked.Read(ref _skipped);

    /// <summary>Notifications sent twice.</summary>
    public long Duplicated => Interlocked.Read(ref _duplicated);

    /// <summary>Do not send the next <paramref name="count"/> notifications.</summary>
    public void SkipNext(int count) => Interlocked.Add(ref _skipNext, count);

    /// <summary>Send the next <paramref name="count"/> notifications twice.</summary>
    public void DuplicateNext(int count) => Interlocked.Add(ref _duplicateNext, count);

    /// <summary>Aborts every connection, as a node restart or network failure would; returns how many.</summary>
    public int DropAll()
    {
        Interlocked.Increment(ref _drops);
        var dropped = 0;
        foreach (var connection in _connections.Keys)
        {
            connection.Abort();
            dropped++;
        }

        return dropped;
    }

    /// <summary>A new subscription id, unique across connections.</summary>
    public long NewSubscriptionId() => Interlocked.Increment(ref _nextSubscription);

    /// <summary>Notifies every subscriber of transactions that are on the ledger, in chain order.</summary>
    public void Publish(IReadOnlyList<SimTransaction> transactions)
    {
        foreach (var transaction in transactions)
        {
            var times = Times();
            if (times != 1)
            {
                Interlocked.Increment(ref times == 0 ? ref _skipped : ref _duplicated);
            }

            for (var i = 0; i < times; i++)
            {
                foreach (var connection in _connections.Keys)
                {
                    connection.Notify(transaction);
                }
            }
        }
    }

    /// <summary>Notifies slot subscribers of a new slot.</summary>
    public void PublishSlot(ulong slot)
    {
        foreach (var connection in _connections.Keys)
        {
            connection.NotifySlot(slot);
        }
    }

    /// <summary>Serves one WebSocket connection until it closes.</summary>
    public async Task ServeAsync(WebSocket socket, CancellationToken cancellationToken)
    {
        var connection = new PubSubConnection(socket, NewSubscriptionId);
        _connections[connection] = 0;
        try
        {
            await connection.RunAsync(cancellationToken);
        }
        finally
        {
            _connections.TryRemove(connection, out _);
        }
    }

    private int Times()
    {
        if (TryTake(ref _skipNext))
        {
            return 0;
        }

        if (TryTake(ref _duplicateNext))
        {
            return 2;
        }

        lock (_gate)
        {
            var roll = _faults.NextDouble();
            return roll < options.Value.SkipRate ? 0 : roll < options.Value.SkipRate + options.Value.DuplicateRate ? 2 : 1;
        }
    }

    private static bool TryTake(ref int counter)
    {
        while (true)
        {
            var current = Volatile.Read(ref counter);
            if (current <= 0)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref counter, current - 1, current) == current)
            {
                return true;
            }
        }
    }
}
