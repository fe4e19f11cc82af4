using Spin.Bench;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace Spin.Bench.Push;

/// <summary>The Markdown section of docs/benchmarks.md: how the figures were taken, on what, the headline and the runs.</summary>
public static class PushReport
{
    /// <summary>Replaces this section in the Markdown file (keeping its <see cref="Reading"/> subsection), or appends it.</summary>
    public static void WriteSection(string path, string section) => BenchMarkdown.WriteSection(path, Heading, Reading, section);

    private static string Wrap(string paragraph, int width = 118) => BenchMarkdown.Wrap(paragraph, width);

    /// <summary>The heading of the section this bench owns.</summary>
    public const string Heading = "## Push latency";

    /// <summary>A hand-written subsection kept when the section is rewritten.</summary>
    public const string Reading = "### Reading";

    private const double TargetP99Ms = 50;
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Renders the section.</summary>
    public static string Render(string[] args, PushBenchOptions o, IReadOnlyList<RunResult> results)
    {
        var command = $"dotnet build -c Release bench/Push && dotnet bench/Push/bin/Release/net10.0/Spin.Bench.Push.dll {string.Join(' ', args)}";
        return new StringBuilder()
            .AppendLine(Heading).AppendLine()
            .AppendLine(Wrap("Command (from the repository root; builds Release, runs the product and then the bare baseline hub, `--runs` " +
                "times each, checks every delivery and, with `--write`, rewrites this section):"))
            .AppendLine().AppendLine($"    {command.TrimEnd()}").AppendLine()
            .AppendLine(Wrap("What it measures: the time from the chain simulator emitting a transaction to a SignalR client's handler " +
                "seeing its event. The simulator streams endlessly (seed 7, 5% failed and 5% foreign transactions, `--slot-ms " +
                $"{PushBenchOptions.SlotMs}`: each slot's transactions are notified together, `--skip-rate 0`). The emission time is the " +
                "arrival of the transaction's `logsNotification` on the bench's own `logsSubscribe` (same machine, so within " +
                "microseconds of the send); the receipt time is the client's `Event` handler; `sent_at` splits the two into emission → " +
                "server send and send → receipt (millisecond resolution). The clients are .NET SignalR clients in the bench process " +
                "(WebSockets, JSON protocol), client i subscribed to mint i mod the mint count with `SubscribeEvents` (`history: 0`), " +
                $"started once the product has caught up with the prefill; {PushBenchOptions.Warmup.TotalSeconds:F0} s of warm-up, then the " +
                "window. Every (client, event) of the window is checked: each client receives every event of its mints exactly once, at " +
                "consecutive sequence numbers from its subscription's answer, each the right transaction by the simulator's ground truth; " +
                "a run that fails the check is marked and left out of the medians. The baseline is a bare SignalR hub (no Orleans, no " +
                "store) in its own process, with the same simulator stream, the same clients and the same messages: the bench forwards " +
                "each notification it receives as the product's recorded messages of that transaction (one hub invocation each), and " +
                "the hub broadcasts them to the mint's group."))
            .AppendLine().AppendLine(Wrap(Machine(o, results))).AppendLine()
            .AppendLine(Wrap(Headline(results))).AppendLine()
            .Append(Table(results)).AppendLine()
            .Append(Notes(results)).ToString();
    }

    /// <summary>The median of the valid runs' <paramref name="pick"/> for a system, if it has valid runs.</summary>
    public static double? Median(IEnumerable<RunResult> results, string system, Func<LatencySummary, double> pick)
    {
        var values = results.Where(r => r.System == system && r.Valid).Select(r => pick(r.Total)).ToList();
        return values.Count == 0 ? null : MedianOf(values);
    }

    private static double MedianOf(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static string Headline(IReadOnlyList<RunResult> results)
    {
        var (productP50, productP99) = (Median(results, "product", l => l.P50), Median(results, "product", l => l.P99));
        var (baseP50, baseP99) = (Median(results, "baseline", l => l.P50), Median(results, "baseline", l => l.P99));
        if (productP50 is not { } p50 || productP99 is not { } p99)
        {
            return "**No product run passed the check: no figure.**";
        }

        var target = p99 <= TargetP99Ms ? $"met (p99 ≤ {TargetP99Ms:F0} ms)" : $"missed by {Ms(p99 - TargetP99Ms)} ms (p99 ≤ {TargetP99Ms:F0} ms)";
        var baseline = baseP50 is not { } b50 || baseP99 is not { } b99 ? "no baseline run passed the check"
            : $"baseline (bare SignalR hub) **{Ms(b50)} / {Ms(b99)} ms**; product / baseline **{Ratio(p50, b50)} at p50, {Ratio(p99, b99)} at p99**";
        var pairs = results.Where(r => r.System == "baseline" && r.Valid)
            .Select(b => (Base: b, Product: results.FirstOrDefault(p => p.System == "product" && p.Run == b.Run && p.Valid)))
            .Where(p => p.Product is not null).ToList();
        var perRun = pairs.Count == 0 ? "" : $" (median of the per-run ratios, which cancels part of the machine's noise: " +
            $"{MedianOf(pairs.Select(p => p.Product!.Total.P50 / p.Base.Total.P50)):F1}× at p50, " +
            $"{MedianOf(pairs.Select(p => p.Product!.Total.P99 / p.Base.Total.P99)):F1}× at p99)";
        return $"Headline (medians of the checked runs' p50 / p99, emission to receipt): product **{Ms(p50)} / {Ms(p99)} ms**; " +
            $"{baseline}{perRun}. Target {target}.";
    }

    private static string Machine(PushBenchOptions o, IReadOnlyList<RunResult> results)
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        var loads = string.Join(", ", results.Select(r => $"{r.Window.LoadBefore}/{r.Window.LoadAfter}"));
        return $"Run of {DateTime.UtcNow:yyyy-MM-dd} on {Environment.ProcessorCount} cores ({cpu ?? RuntimeInformation.ProcessArchitecture.ToString()}), " +
            $"{RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}; the simulator, the server and the bench (all " +
            $"{o.Clients:N0} clients) share these cores. {o.Clients:N0} clients, {o.Mints} mints ({o.MintsPerClient} per client), target " +
            $"{o.EventsPerSecond:N0} events/s (`--rate {o.TransactionRate}` transactions/s), a {o.Seconds} s window per run. Load " +
            $"average (1 min) before/after each window: {loads}.";
    }

    private static string Table(IReadOnlyList<RunResult> results)
    {
        var table = new StringBuilder()
            .AppendLine("| run | system | events/s | delivered / expected | messages/s | p50 | p90 | p99 | max (ms) | emit→send p50 / p99 | " +
                "send→receipt p50 / p99 | product ÷ baseline p50 / p99 | CPU % (of one core) | check |")
            .AppendLine("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var r in results)
        {
            var cpu = string.Join(", ", r.Window.Cpu.ProcessPercent.Select(p => $"{p.Key} {(p.Value is { } v ? v.ToString("F0", Invariant) : "?")}"));
            var machine = r.Window.Cpu.MachinePercent is { } m ? $"; machine {m.ToString("F0", Invariant)}% busy" : "";
            table.AppendLine($"| {r.Run} | {r.System} | {r.EventsPerSecond.ToString("N0", Invariant)} | {r.Delivered.ToString("N0", Invariant)} / " +
                $"{r.Expected.ToString("N0", Invariant)} | {r.MessagesPerSecond.ToString("N0", Invariant)} | {Ms(r.Total.P50)} | {Ms(r.Total.P90)} | " +
                $"{Ms(r.Total.P99)} | {Ms(r.Total.Max)} | {Ms(r.EmitToSend.P50)} / {Ms(r.EmitToSend.P99)} | {Ms(r.SendToReceipt.P50)} / " +
                $"{Ms(r.SendToReceipt.P99)} | {RunRatio(results, r)} | {cpu}{machine} | {(r.Valid ? "ok" : $"FAILED: {r.Violations} violations, {r.Expected - r.Delivered} missing")} |");
        }

        return table.ToString();
    }

    private static string Notes(IReadOnlyList<RunResult> results)
    {
        var notes = new StringBuilder().AppendLine(Wrap("Per run: the time to connect and subscribe every client, the p50 of each fifth of " +
            "the window (ms, by emission time), and for the product what its own counters said during the window.")).AppendLine();
        foreach (var r in results)
        {
            var line = $"- {r.System} run {r.Run}: clients subscribed in {r.SubscribeTime.TotalSeconds.ToString("F1", Invariant)} s; p50 by fifth " +
                $"{string.Join(", ", r.Trend.Select(t => t.ToString("F0", Invariant)))}{(r.Diagnosis is null ? "" : $"; {r.Diagnosis}")}.";
            notes.AppendLine(Wrap(line, 116).Replace("\n", "\n  ", StringComparison.Ordinal));
        }

        return notes.ToString();
    }

    // Product and baseline of the same run ran one after the other, so their ratio cancels part of the machine's noise.
    private static string RunRatio(IReadOnlyList<RunResult> results, RunResult r) =>
        r.System == "baseline" && results.FirstOrDefault(p => p.System == "product" && p.Run == r.Run) is { } product
            ? $"{Ratio(product.Total.P50, r.Total.P50)} / {Ratio(product.Total.P99, r.Total.P99)}"
            : "";

    private static string Ms(double value) => value.ToString("F1", Invariant);

    private static string Ratio(double product, double baseline) => baseline > 0 ? (product / baseline).ToString("F1", Invariant) + "×" : "n/a";

}
