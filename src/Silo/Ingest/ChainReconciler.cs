using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Options;
using Spin.Silo.Telemetry;
using Spin.Chain.Rpc;
using Spin.Chain.SpinPet;
using Spin.Grains.Interfaces.Events;
using Spin.Grains.Interfaces.Mints;

namespace Spin.Silo.Ingest;

/// <summary>Brings the mints up to date with the chain, gap-free and in chain order: lists every signature newer
/// than the durable cursor, takes each transaction's logs from a live notification when one arrived (else fetches
/// it), applies the events with one call per mint per batch, and advances the cursor only after every mint acknowledged.
/// A <see cref="LeaseLostException"/> from the cursor store ends the pass with the cursor unmoved.</summary>
public sealed partial class ChainReconciler(
    SolanaRpcClient rpc,
    IGrainFactory grains,
    IChainCursorStore cursors,
    BlockTimeCache blockTimes,
    DecodeStats decodeStats,
    IngestStats stats,
    IngestMetrics metrics,
    IOptions<ChainOptions> options,
    ILogger<ChainReconciler> logger)
{
    private const int PageSize = 1000;
    private const ulong StaleSlots = 150;
    private readonly ChainOptions _options = options.Value;
    private readonly ConcurrentDictionary<string, LogsNotification> _live = new();

    /// <summary>True when live notifications wait for transactions the listing did not show yet.</summary>
    public bool HasPendingLive => !_live.IsEmpty;

    /// <summary>Keeps a live notification until its transaction is reached in chain order.</summary>
    public void Observe(LogsNotification notification)
    {
        stats.Notification();
        if (!notification.Failed)
        {
            _live.TryAdd(notification.Signature, notification);
        }
    }

    /// <summary>Runs one pass; returns the number of transactions applied.</summary>
    public async Task<int> ReconcileAsync(CancellationToken cancellationToken)
    {
        var startedAt = DateTimeOffset.UtcNow;
        var head = await rpc.GetSlotAsync(cancellationToken);
        stats.NodeAt(head);
        var cursor = await cursors.ReadAsync(_options.ProgramId, cancellationToken);
        var listing = await rpc.GetSignaturesInChainOrderAsync(_options.ProgramId, cursor?.Signature, PageSize, cancellationToken);
        var applied = 0;
        foreach (var chunk in listing.Chunk(_options.BatchSize))
        {
            var done = await ApplyChunkAsync(chunk, cancellationToken);
            applied += done;
            if (done < chunk.Length)
            {
                break;
            }
        }

        PruneLive(await cursors.ReadAsync(_options.ProgramId, cancellationToken));
        if (applied == listing.Count)
        {
            stats.ReconciledUpTo(head, startedAt);
        }

        return applied;
    }

    // Returns how many leading entries of the chunk were applied; stops before a transaction the node cannot serve yet.
    private async Task<int> ApplyChunkAsync(SignatureInfo[] chunk, CancellationToken cancellationToken)
    {
        var logs = await CollectLogsAsync(chunk, cancellationToken);
        var byMint = new Dictionary<string, List<ChainEvent>>();
        var count = 0;
        foreach (var info in chunk)
        {
            if (!info.Failed && !logs.ContainsKey(info.Signature))
            {
                break;
            }

            count++;
            if (info.Failed || logs[info.Signature] is not { } lines)
            {
                stats.FailedTransaction();
                continue;
            }

            var blockTime = await blockTimes.GetAsync(info.Slot, info.BlockTime, cancellationToken);
            var backfilled = !_live.ContainsKey(info.Signature);
            foreach (var chainEvent in TransactionEvents.Extract(info.Signature, info.Slot, blockTime, lines, _options.ProgramId, decodeStats, logger))
            {
                stats.Decoded(chainEvent.Body.Type);
                if (backfilled)
                {
                    stats.BackfilledEvent();
                }

                var mint = chainEvent.Body.Mint;
                if (!byMint.TryGetValue(mint, out var list))
                {
                    byMint[mint] = list = [];
                }

                list.Add(chainEvent);
            }
        }

        if (count > 0)
        {
            await ApplyAsync(byMint, chunk[count - 1], count, cancellationToken);
            foreach (var info in chunk.Take(count))
            {
                _live.TryRemove(info.Signature, out _);
            }
        }

        return count;
    }

    // Logs per signature: null for a transaction the node reports as failed; absent when the node does not have it yet.
    private async Task<Dictionary<string, IReadOnlyList<string>?>> CollectLogsAsync(SignatureInfo[] chunk, CancellationToken cancellationToken)
    {
        var logs = new Dictionary<string, IReadOnlyList<string>?>(chunk.Length);
        var missing = new List<string>();
        foreach (var info in chunk.Where(i => !i.Failed))
        {
            if (_live.TryGetValue(info.Signature, out var notification))
            {
                logs[info.Signature] = notification.Logs;
            }
            else
            {
                missing.Add(info.Signature);
            }
        }

        if (missing.Count == 0)
        {
            return logs;
        }

        stats.Fetch(missing.Count);
        var fetched = await rpc.GetTransactionsAsync(missing, cancellationToken);
        for (var i = 0; i < missing.Count; i++)
        {
            if (fetched[i] is { } transaction)
            {
                logs[missing[i]] = transaction.Failed ? null : transaction.LogMessages;
            }
        }

        return logs;
    }

    private async Task ApplyAsync(
        Dictionary<string, List<ChainEvent>> byMint, SignatureInfo last, int transactions, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var results = await Task.WhenAll(byMint.Select(p => grains.GetGrain<IMintGrain>(p.Key).Apply(p.Value)));
        metrics.Applied(Stopwatch.GetElapsedTime(started));
        await cursors.WriteAsync(_options.ProgramId, new ChainCursor(last.Signature, last.Slot), cancellationToken);
        stats.Applied(transactions, results.Sum(r => r.Applied), results.Sum(r => r.Duplicates), last.Slot);
        LogDebugApplied(logger, transactions, byMint.Count, last.Slot);
    }

    // A notification far behind the cursor was never part of the listed chain (a dropped fork); forget it.
    private void PruneLive(ChainCursor? cursor)
    {
        if (cursor is null)
        {
            return;
        }

        foreach (var (signature, notification) in _live)
        {
            if (notification.Slot + StaleSlots < cursor.Slot)
            {
                _live.TryRemove(signature, out _);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Applied {Transactions} transactions to {Mints} mints up to slot {Slot}")]
    private static partial void LogDebugApplied(ILogger logger, int transactions, int mints, ulong slot);
}
