namespace Spin.Chain.Rpc;

/// <summary>Exponential backoff with jitter: a delay drawn between half and all of min(max, initial·2^(attempt-1)).</summary>
public static class Backoff
{
    /// <summary>The delay before retry number <paramref name="attempt"/> (1-based).</summary>
    public static TimeSpan Delay(int attempt, TimeSpan initial, TimeSpan max)
    {
        var ceiling = Math.Min(max.TotalMilliseconds, initial.TotalMilliseconds * Math.Pow(2, Math.Min(attempt - 1, 30)));
        return TimeSpan.FromMilliseconds(ceiling * (0.5 + (Random.Shared.NextDouble() * 0.5)));
    }
}
