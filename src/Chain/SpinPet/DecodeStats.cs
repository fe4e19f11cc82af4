namespace Spin.Chain.SpinPet;

/// <summary>Thread-safe counters of decode outcomes, kept since process start.</summary>
public sealed class DecodeStats
{
    private readonly long[] _counts = new long[Enum.GetValues<DecodeOutcome>().Length];

    /// <summary>Counts one outcome.</summary>
    public void Count(DecodeOutcome outcome) => Interlocked.Increment(ref _counts[(int)outcome]);

    /// <summary>The number of times an outcome was seen.</summary>
    public long Get(DecodeOutcome outcome) => Interlocked.Read(ref _counts[(int)outcome]);
}
