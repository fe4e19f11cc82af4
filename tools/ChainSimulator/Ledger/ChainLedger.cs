namespace Spin.ChainSimulator.Ledger;

/// <summary>The simulated chain: transactions in chain order with an index by signature and one by account. Thread-safe.</summary>
public sealed class ChainLedger
{
    private readonly List<SimTransaction> _transactions = [];
    private readonly Dictionary<string, int> _bySignature = new(StringComparer.Ordinal);
    private readonly AccountIndex _byAccount = new();
    private readonly ReaderWriterLockSlim _lock = new();

    /// <summary>The first slot of the chain.</summary>
    public const ulong GenesisSlot = 300_000_000;

    /// <summary>Block time of the genesis slot.</summary>
    public static readonly long GenesisTime = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds();

    /// <summary>The program whose transactions this chain holds.</summary>
    public required string ProgramId { get; init; }

    /// <summary>Events of successful transactions on chain (the size of the ground truth).</summary>
    public long Events { get; private set; }

    /// <summary>The newest slot produced.</summary>
    public ulong Slot { get; private set; } = GenesisSlot;

    /// <summary>Transactions on chain.</summary>
    public int Count
    {
        get
        {
            _lock.EnterReadLock();
            try { return _transactions.Count; } finally { _lock.ExitReadLock(); }
        }
    }

    /// <summary>The block time of a slot: 400 ms per slot from genesis, in whole seconds.</summary>
    public static long BlockTimeOf(ulong slot) => GenesisTime + (long)((slot - GenesisSlot) * 2 / 5);

    /// <summary>Appends one slot's transactions.</summary>
    public void AppendSlot(ulong slot, IReadOnlyList<SimTransaction> transactions)
    {
        _lock.EnterWriteLock();
        try
        {
            foreach (var transaction in transactions)
            {
                _bySignature[transaction.Signature] = _transactions.Count;
                _byAccount.Add(transaction.AccountKeys, _transactions.Count);
                _transactions.Add(transaction);
                Events += transaction.Failed ? 0 : transaction.Events.Count;
            }

            Slot = slot;
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    /// <summary>A transaction by signature, or null.</summary>
    public SimTransaction? Find(string signature)
    {
        _lock.EnterReadLock();
        try { return _bySignature.TryGetValue(signature, out var i) ? _transactions[i] : null; } finally { _lock.ExitReadLock(); }
    }

    /// <summary>The transactions whose account keys include <paramref name="address"/>, newest first, strictly older than
    /// <paramref name="before"/> and strictly newer than <paramref name="until"/> (both anywhere on the chain).</summary>
    public List<SimTransaction> Newest(string address, string? before, string? until, int limit)
    {
        _lock.EnterReadLock();
        try
        {
            var start = _transactions.Count - 1;
            if (before is not null)
            {
                start = _bySignature.TryGetValue(before, out var b) ? b - 1 : -1;
            }

            var stop = until is not null && _bySignature.TryGetValue(until, out var u) ? u : -1;
            var positions = _byAccount.Of(address);
            var result = new List<SimTransaction>();
            for (var i = LastAtOrBelow(positions, start); i >= 0 && positions[i] > stop && result.Count < limit; i--)
            {
                result.Add(_transactions[positions[i]]);
            }

            return result;
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    // The index in the ascending positions of the last one at or below the position, or -1.
    private static int LastAtOrBelow(IReadOnlyList<int> positions, int position)
    {
        var (low, high) = (0, positions.Count);
        while (low < high)
        {
            var middle = (low + high) / 2;
            (low, high) = positions[middle] <= position ? (middle + 1, high) : (low, middle);
        }

        return low - 1;
    }

    /// <summary>A snapshot of every transaction in chain order.</summary>
    public List<SimTransaction> Snapshot()
    {
        _lock.EnterReadLock();
        try { return [.. _transactions]; } finally { _lock.ExitReadLock(); }
    }
}
