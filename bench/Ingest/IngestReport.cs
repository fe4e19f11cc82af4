namespace Spin.Bench.Ingest;

/// <summary>The figures this bench hands the harness.</summary>
public static class IngestReport
{
    /// <summary>Events/s a silo must sustain (issue 7).</summary>
    public const double TargetEventsPerSecond = 50_000;

    /// <summary>The share of the bare RocksDB loop's rate the product must reach.</summary>
    public const double TargetShareOfBaseline = 0.5;

    /// <summary>Backfill and live against the bare RocksDB loop (b), and live against the simulator's emit rate (a).</summary>
    public static BenchResult Result(IngestOptions o, IReadOnlyList<IngestRun> runs, IReadOnlyList<string> failures)
    {
        var baseline = runs.Select(r => r.Baseline).ToList();
        var events = runs.Count == 0 ? "no" : $"{runs.Max(r => r.Events):N0}";
        var setup = $"{o.Transactions:N0} transactions ({events} successful events) over {o.Mints} mints, runs: {o.Runs}; live stream at " +
            $"{o.Rate:N0} transactions/s; baseline (b) writes the backfilled events in batches of {o.BaselineBatch:N0}";
        return new BenchResult("ingest", setup,
        [
            new BenchFigure("backfill", "events/s", runs.Select(r => r.Backfill).ToList(), baseline, "bare RocksDB WriteBatch loop (b)",
                HigherIsBetter: true, TargetEventsPerSecond, TargetShareOfBaseline),
            new BenchFigure("live", "events/s", runs.Select(r => r.Live).ToList(), baseline, "bare RocksDB WriteBatch loop (b)",
                HigherIsBetter: true, TargetEventsPerSecond, TargetShareOfBaseline),
            new BenchFigure("live vs the stream", "events/s", runs.Select(r => r.Live).ToList(), runs.Select(r => r.Emit).ToList(),
                "simulator's emit rate (a)", HigherIsBetter: true),
        ], runs.Select((r, i) => $"run {i + 1}: {r}").ToList(), failures);
    }
}
