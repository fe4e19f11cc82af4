using System.Globalization;

namespace Spin.Bench.Scale;

/// <summary>The figures this bench hands the harness: each cluster size's ingest rate (N silos against 1 silo of the
/// same run), the recovery time after a SIGKILL and the events lost or duplicated by it.</summary>
public static class ScaleReport
{
    /// <summary>N silos must ingest at least this share of N × the 1-silo rate.</summary>
    public const double TargetShareOfLinear = 0.8;

    /// <summary>Seconds from a SIGKILL to every mint answering with its data.</summary>
    public const double RecoveryTargetSeconds = 10;

    /// <summary>The result; <paramref name="scaleOut"/> pairs each measurement with its run.</summary>
    public static BenchResult Result(ScaleOptions o, IReadOnlyList<(int Run, ScaleOutResult Result)> scaleOut, IReadOnlyList<RecoveryResult> recoveries,
        IReadOnlyList<string> failures)
    {
        var figures = new List<BenchFigure>();
        var single = scaleOut.Where(s => s.Result.Silos == 1).ToDictionary(s => s.Run, s => s.Result.Rate);
        if (single.Count > 0)
        {
            figures.Add(new BenchFigure("1 silo", "events/s", [.. single.Values], [], null, HigherIsBetter: true));
        }

        for (var n = 2; n <= o.MaxSilos; n++)
        {
            var paired = scaleOut.Where(s => s.Result.Silos == n && single.ContainsKey(s.Run)).ToList();
            if (paired.Count > 0)
            {
                figures.Add(new BenchFigure($"{n} silos", "events/s", [.. paired.Select(p => p.Result.Rate)], [.. paired.Select(p => single[p.Run])],
                    "1 silo, same run", HigherIsBetter: true, RatioTarget: TargetShareOfLinear * n));
            }
        }

        var recovered = recoveries.Where(r => r.Answering.WithData is not null).ToList();
        if (recovered.Count > 0)
        {
            figures.Add(new BenchFigure($"SIGKILL of 1 of {RecoveryRun.Silos} silos → every mint answers with its data", "s", [.. recovered.Select(r => r.Seconds)], [], null,
                HigherIsBetter: false, RecoveryTargetSeconds));
        }

        if (recoveries.Count > 0)
        {
            figures.Add(new BenchFigure("events lost + duplicated after the SIGKILL", "events",
                [.. recoveries.Select(r => (double)(r.Truth.Lost + r.Truth.Duplicated))], [], null, HigherIsBetter: false, 0));
        }

        var notes = scaleOut.Select(s => $"run {s.Run}, {s.Result}").Concat(recoveries.Select((r, i) => $"recovery {i + 1}: {r}"));
        if (Limit(scaleOut) is { } limit)
        {
            notes = notes.Append(limit);
        }

        return new BenchResult("scale", Setup(o), figures, [.. notes], failures);
    }

    private static string Setup(ScaleOptions o) => string.Create(CultureInfo.InvariantCulture,
        $"scale-out: 1 to {o.MaxSilos} silo processes on 127.0.0.1 clustered through PostgreSQL (a fresh database per cluster), one " +
        $"client-mode gateway and the chain simulator; each cluster serves a prefill of {o.Mints * ScaleOutRun.PrefillPerMint} " +
        $"transactions over {o.Mints} mints " +
        $"(placement settled), then the simulator streams {o.Transactions:N0} transactions at {o.Rate:N0}/s, the same stream for every cluster " +
        $"size of a run; clock: from the last sample of {IngestClock.Series} (summed over the silos' /metrics every 100 ms) before the " +
        $"first live event was applied to the first sample with every live event applied (decoded, on its silo and replica, manifest " +
        $"in PostgreSQL); then every mint's events, candles and orders served through the gateway must equal the truth; CPU from " +
        $"/proc/<pid>/stat over the same window. Recovery: {RecoveryRun.Silos} silos, {o.RecoveryTransactions:N0} transactions at " +
        $"{o.RecoveryRate}/s, SIGKILL of a silo not holding the listener once live events are served, probe timeout 2 s, 2 missed probes; " +
        $"runs: {o.Runs}");

    // What bounds the largest cluster's rate, from the CPU its window used.
    private static string? Limit(IReadOnlyList<(int Run, ScaleOutResult Result)> scaleOut)
    {
        var largest = scaleOut.Select(s => s.Result).OrderByDescending(r => r.Silos).FirstOrDefault();
        if (largest?.Window.Cpu.MachinePercent is not { } machine)
        {
            return null;
        }

        var cores = Environment.ProcessorCount;
        var verdict = machine >= 85
            ? $"the machine's {cores} cores were saturated (the cluster's processes and other work on the machine), so more silo processes on " +
              "the same cores cannot add throughput: this ratio measures the cost of distribution on one machine, not scale-out across machines"
            : $"the cores were not saturated, so the bound is in the pipeline rather than CPU: one silo holds the listener's lease, decodes " +
              "every transaction and waits for each batch to be applied on the mints' silos, their replicas and PostgreSQL before moving on";
        return string.Create(CultureInfo.InvariantCulture,
            $"what limits it: with {largest.Silos} silos the cluster's processes kept {largest.Cores:F2} of {cores} cores busy and the whole " +
            $"machine was {machine:F0}% busy; {verdict}");
    }
}
