namespace Spin.Bench.Push;

/// <summary>What each mint's sequence numbers stand for: seq → transaction signature, per mint. From the simulator's
/// ground truth for the product, from the recorded messages for the baseline.</summary>
public sealed class SequenceIndex
{
    private readonly Dictionary<string, Dictionary<long, string>> _mints = new(StringComparer.Ordinal);

    /// <summary>The mints, in ordinal order.</summary>
    public IReadOnlyList<string> Mints => [.. _mints.Keys.Order(StringComparer.Ordinal)];

    /// <summary>Sets what a mint's sequence number stands for.</summary>
    public void Set(string mint, long seq, string signature)
    {
        if (!_mints.TryGetValue(mint, out var bySeq))
        {
            _mints[mint] = bySeq = [];
        }

        bySeq[seq] = signature;
    }

    /// <summary>The signature of a mint's event, if known.</summary>
    public string? Signature(string mint, long seq) =>
        _mints.TryGetValue(mint, out var bySeq) && bySeq.TryGetValue(seq, out var signature) ? signature : null;

    /// <summary>A mint's sequence numbers whose transaction <paramref name="selected"/> accepts, ascending.</summary>
    public List<long> Where(string mint, Func<string, bool> selected) =>
        _mints.TryGetValue(mint, out var bySeq) ? [.. bySeq.Where(p => selected(p.Value)).Select(p => p.Key).Order()] : [];
}
