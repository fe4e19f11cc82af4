using Spin.Grains.Interfaces.Events;

namespace Spin.Bench.Paging;

/// <summary>What the API must answer for a <see cref="SyntheticChain"/>, worked out from the events alone.</summary>
public sealed class GroundTruth(SyntheticChain chain)
{
    private readonly IReadOnlyList<string> _ascending = chain.HotEvents.Select(e => e.Id.Signature).ToList();
    // spin-server's stable sort: slots descending, chain order kept inside a slot (OrderByDescending is stable).
    private readonly IReadOnlyList<string> _descending = chain.HotEvents.OrderByDescending(e => e.Slot).Select(e => e.Id.Signature).ToList();
    private readonly IReadOnlyList<long> _seconds = chain.HotEvents.Where(e => e.Body is BuySellEvent).Select(e => e.BlockTime).Distinct().Order().ToList();

    /// <summary>The first slot of every mint.</summary>
    public IReadOnlyDictionary<string, ulong> FirstSlots { get; } = chain.Launches.ToDictionary(e => e.Body.Mint, e => e.Slot);

    /// <summary>The hot mint's event count.</summary>
    public int HotEvents => _ascending.Count;

    /// <summary>The hot mint's s1 candle count: one per second holding a trade.</summary>
    public int HotSecondCandles => _seconds.Count;

    /// <summary>The signatures one page of the hot mint's events must list.</summary>
    public IReadOnlyList<string> EventPage(int page, int limit, bool descending) => Slice(descending ? _descending : _ascending, page, limit);

    /// <summary>The candle times one page of the hot mint's s1 candles must list.</summary>
    public IReadOnlyList<long> SecondCandlePage(int page, int limit, bool descending) =>
        Slice(descending ? _seconds.Reverse().ToList() : _seconds, page, limit);

    /// <summary>The hot mint's s1 buckets with gaps filled: every second from its first trade to its last.</summary>
    public int HotFilledSeconds => (int)(_seconds[^1] - _seconds[0] + 1);

    /// <summary>The bucket times one page of the hot mint's gap-filled s1 candles must list.</summary>
    public IReadOnlyList<long> FilledSecondPage(int page, int limit, bool descending)
    {
        var offset = (long)(page - 1) * limit;
        var count = (int)Math.Clamp(HotFilledSeconds - offset, 0, limit);
        return Enumerable.Range(0, count).Select(i => descending ? _seconds[^1] - offset - i : _seconds[0] + offset + i).ToList();
    }

    /// <summary>The number of the last page.</summary>
    public static int LastPage(int total, int limit) => Math.Max(1, (total + limit - 1) / limit);

    private static IReadOnlyList<T> Slice<T>(IReadOnlyList<T> all, int page, int limit) => all.Skip((page - 1) * limit).Take(limit).ToList();
}
