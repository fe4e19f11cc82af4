using System.Collections.Concurrent;
using Spin.Chain.Rpc;

namespace Spin.Silo.Ingest;

/// <summary>Block times by slot, asked of the node once per slot; bounded.</summary>
public sealed class BlockTimeCache(SolanaRpcClient rpc)
{
    private const int Capacity = 10_000;
    private readonly ConcurrentDictionary<ulong, long> _times = new();

    /// <summary>The block time of a slot: the listing's when it has one, else the node's, else 0 (unknown).</summary>
    public async ValueTask<long> GetAsync(ulong slot, long? known, CancellationToken cancellationToken)
    {
        if (known is { } value)
        {
            return value;
        }

        if (_times.TryGetValue(slot, out var cached))
        {
            return cached;
        }

        var time = await rpc.GetBlockTimeAsync(slot, cancellationToken) ?? 0;
        if (_times.Count >= Capacity)
        {
            _times.Clear();
        }

        _times[slot] = time;
        return time;
    }
}
