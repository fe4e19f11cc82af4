namespace Spin.Cluster.Tests.Failover;

/// <summary>What one gateway served compared with the simulator's truth, counted rather than stopped at the first
/// difference, so that a failure says how much was lost or duplicated.</summary>
public sealed class TruthReport(string gateway)
{
    /// <summary>Examples of differences, at most this many.</summary>
    public const int MaxExamples = 12;

    /// <summary>The gateway the data was read through.</summary>
    public string Gateway { get; } = gateway;

    /// <summary>Mints compared.</summary>
    public int Mints { get; set; }

    /// <summary>Events in the truth.</summary>
    public long TruthEvents { get; set; }

    /// <summary>Events served.</summary>
    public long ServedEvents { get; set; }

    /// <summary>Events of the truth not served.</summary>
    public long Lost { get; set; }

    /// <summary>Events served more often than the truth has them (or not in the truth at all).</summary>
    public long Duplicated { get; set; }

    /// <summary>Events served in the right number but in another order or with other fields.</summary>
    public long Mismatched { get; set; }

    /// <summary>Candles (per mint and interval) that differ from those computed from the truth.</summary>
    public long CandleMismatches { get; set; }

    /// <summary>Order book sides (per mint) that differ from the truth's open orders.</summary>
    public long OrderMismatches { get; set; }

    /// <summary>Open orders in the truth (the order comparison proves nothing when this is 0).</summary>
    public long OpenOrders { get; set; }

    /// <summary>Requests that failed.</summary>
    public long Errors { get; set; }

    /// <summary>The first differences found.</summary>
    public List<string> Examples { get; } = [];

    /// <summary>True when everything equals the truth.</summary>
    public bool Exact => Lost == 0 && Duplicated == 0 && Mismatched == 0 && CandleMismatches == 0 && OrderMismatches == 0 && Errors == 0
        && ServedEvents == TruthEvents;

    /// <summary>Adds an example of a difference.</summary>
    public void Example(string text)
    {
        if (Examples.Count < MaxExamples)
        {
            Examples.Add(text);
        }
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"{Gateway}: {Mints} mints, truth {TruthEvents} events, served {ServedEvents}; lost {Lost}, duplicated {Duplicated}, " +
        $"mismatched {Mismatched}; candle mismatches {CandleMismatches}; order-side mismatches {OrderMismatches} ({OpenOrders} open orders); " +
        $"failed requests {Errors}" + (Examples.Count == 0 ? "" : $"{Environment.NewLine}  " + string.Join($"{Environment.NewLine}  ", Examples));
}
