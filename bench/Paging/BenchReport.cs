using Spin.Bench;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace Spin.Bench.Paging;

/// <summary>Everything one run produced: how it was started, the data set, and the timings with the machine's load
/// (1-minute load average) just before and just after them.</summary>
public sealed record BenchRun(string[] Args, PagingOptions Options, SyntheticChain Chain, GroundTruth Truth, PopulationTimes Population,
    IReadOnlyList<CaseResult> Results, string LoadBefore, string LoadAfter);

/// <summary>The Markdown section of docs/benchmarks.md: how the figures were taken, on what, and the table.</summary>
public static class BenchReport
{
    /// <summary>Replaces this section in the Markdown file (keeping its <see cref="Reading"/> subsection), or appends it.</summary>
    public static void WriteSection(string path, string section) => BenchMarkdown.WriteSection(path, Heading, Reading, section);

    private static string Wrap(string paragraph, int width = 118) => BenchMarkdown.Wrap(paragraph, width);

    /// <summary>The heading of the section this bench owns.</summary>
    public const string Heading = "## Paging: first vs last page";

    /// <summary>A hand-written subsection kept when the section is rewritten.</summary>
    public const string Reading = "### Reading";

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Renders the section for one run.</summary>
    public static string Render(BenchRun run)
    {
        var (options, chain) = (run.Options, run.Chain);
        var hours = (chain.HotEvents[^1].BlockTime - chain.HotEvents[0].BlockTime) / 3600.0;
        var command = $"dotnet build -c Release bench/Paging && dotnet bench/Paging/bin/Release/net10.0/Spin.Bench.Paging.dll {string.Join(' ', run.Args)}";
        return new StringBuilder()
            .AppendLine(Heading).AppendLine()
            .AppendLine(Wrap("Command (from the repository root; builds Release, writes a fresh data set, starts the real Gateway on it, " +
                "checks the answers, times them and, with `--write`, rewrites this section; `--mints` and `--events` size the data set):"))
            .AppendLine().AppendLine($"    {command.TrimEnd()}").AppendLine()
            .AppendLine(Wrap("What it measures: a silo hosted in the bench process writes the data set through `IMintGrain.Apply` (one " +
                $"TokenCreated per mint, {options.Concurrency} calls in flight; then the hot mint's events in batches of 1,000: BuySell trades, " +
                $"1–2 a 400 ms slot over {hours.ToString("F1", Invariant)} hours) and stops; the standalone Gateway then starts on that directory as " +
                "a separate process, chain listener off. Every page timed is first checked against the ground truth: the `/api/mints` cursor " +
                "walk lists every mint exactly once, in slot_desc order, and the first and last pages of `/api/events` and `/api/kline` list " +
                "exactly the expected events (by signature) and candles (by time), with the right `total`. Then, after " +
                $"{options.Warmup} warm-up requests, {options.Requests} sequential requests of the first and of the last page, interleaved, " +
                $"timed at the client from sending to the body read; page size (`limit`) {options.Limit}. The reference rows time the only " +
                "page of a small mint, to show what a page costs when the mint is small."))
            .AppendLine().AppendLine(Wrap(Machine(run))).AppendLine()
            .Append(Table(run.Results)).ToString();
    }

    /// <summary>The 1-minute load average, where the system tells it.</summary>
    public static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";

    private static string Machine(BenchRun run)
    {
        var (options, truth, population) = (run.Options, run.Truth, run.Population);
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        var launches = options.Mints / population.Mints.TotalSeconds;
        var events = truth.HotEvents / population.HotMint.TotalSeconds;
        return $"Run of {DateTime.UtcNow:yyyy-MM-dd} on {Environment.ProcessorCount} cores ({cpu ?? RuntimeInformation.ProcessArchitecture.ToString()}), " +
            $"{RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}: {options.Mints:N0} mints, a hot mint of " +
            $"{truth.HotEvents:N0} events ({truth.HotSecondCandles:N0} s1 candles). Population: the mints in " +
            $"{population.Mints.TotalSeconds:F1} s ({launches:N0} mints/s), the hot mint's events in {population.HotMint.TotalSeconds:F1} s " +
            $"({events:N0} events/s). Load average (1 min) before / after the timings: {run.LoadBefore} / {run.LoadAfter}.";
    }

    private static string Table(IReadOnlyList<CaseResult> results)
    {
        var table = new StringBuilder()
            .AppendLine("| request | first page | last page | first: median / p99 (ms) | last: median / p99 (ms) | last / first (median) |")
            .AppendLine("|---|---|---|---|---|---|");
        foreach (var (pageCase, first, last) in results)
        {
            var ratio = last is null ? "" : (last.MedianMs / first.MedianMs).ToString("F2", Invariant);
            table.AppendLine($"| {pageCase.Request} | {pageCase.FirstLabel} | {pageCase.LastLabel} | {Ms(first)} | {(last is null ? "" : Ms(last))} | {ratio} |");
        }

        return table.ToString();
    }

    private static string Ms(Latency latency) => $"{latency.MedianMs.ToString("F2", Invariant)} / {latency.P99Ms.ToString("F2", Invariant)}";
}
