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

    /// <summary>Users of the truth compared (every payer, and every owner of an order).</summary>
    public int Users { get; set; }

    /// <summary>Entries of the users' histories in the truth.</summary>
    public long TruthUserEvents { get; set; }

    /// <summary>Users whose history differs from the truth (entries missing or extra, a wrong total or order).</summary>
    public long UserMismatches { get; set; }

    /// <summary>Entries of the truth missing from the users' histories.</summary>
    public long UserEventsLost { get; set; }

    /// <summary>Entries served in the users' histories beyond the truth's.</summary>
    public long UserEventsExtra { get; set; }

    /// <summary>Users whose open orders differ from the truth's.</summary>
    public long UserOrderMismatches { get; set; }

    /// <summary>Open orders of the users in the truth (the users' order comparison proves nothing when this is 0).</summary>
    public long UserOpenOrders { get; set; }

    /// <summary>Differences in the catalog walked through its cursors: mints missing, repeated or foreign, pages with a
    /// wrong total or cursor, and sort orders broken.</summary>
    public long CatalogMismatches { get; set; }

    /// <summary>Requests that failed.</summary>
    public long Errors { get; set; }

    /// <summary>The first differences found in the mints' views.</summary>
    public List<string> Examples { get; } = [];

    /// <summary>The first differences found in the users' histories and orders and in the catalog, kept apart so that
    /// the mints' differences cannot crowd them out.</summary>
    public List<string> FollowerExamples { get; } = [];

    /// <summary>True when everything equals the truth.</summary>
    public bool Exact => Lost == 0 && Duplicated == 0 && Mismatched == 0 && CandleMismatches == 0 && OrderMismatches == 0 && Errors == 0
        && ServedEvents == TruthEvents && UserMismatches == 0 && UserOrderMismatches == 0 && CatalogMismatches == 0;

    /// <summary>Adds an example of a difference.</summary>
    public void Example(string text) => Add(Examples, text);

    /// <summary>Adds an example of a difference in a user's history or orders, or in the catalog.</summary>
    public void FollowerExample(string text) => Add(FollowerExamples, text);

    /// <summary>The counts on one line, without the examples.</summary>
    public string Summary =>
        $"{Gateway}: {Mints} mints, truth {TruthEvents} events, served {ServedEvents}; lost {Lost}, duplicated {Duplicated}, " +
        $"mismatched {Mismatched}; candle mismatches {CandleMismatches}; order-side mismatches {OrderMismatches} ({OpenOrders} open orders); " +
        $"{Users} users ({TruthUserEvents} history entries): {UserMismatches} histories differ ({UserEventsLost} entries lost, " +
        $"{UserEventsExtra} extra), {UserOrderMismatches} users' orders differ ({UserOpenOrders} open orders); catalog mismatches " +
        $"{CatalogMismatches}; failed requests {Errors}";

    /// <inheritdoc />
    public override string ToString() =>
        Summary + string.Concat(Examples.Concat(FollowerExamples).Select(e => $"{Environment.NewLine}  {e}"));

    private static void Add(List<string> examples, string text)
    {
        lock (examples)
        {
            if (examples.Count < MaxExamples)
            {
                examples.Add(text);
            }
        }
    }
}
