using System.Globalization;
using System.Text;

namespace Spin.Bench.Harness;

/// <summary>The harness's section of docs/benchmarks.md: the command, the machine, one table of every bench's headline
/// figures against its baseline of the same run, and each bench's set-up, runs and failed checks.</summary>
public static class HarnessReport
{
    /// <summary>The heading of the section the harness owns.</summary>
    public const string Heading = "## All benchmarks, one command";

    /// <summary>A hand-written subsection kept when the section is rewritten.</summary>
    public const string Reading = "### Reading";

    /// <summary>Renders the section.</summary>
    public static string Render(string[] args, HarnessOptions options, IReadOnlyList<BenchOutcome> outcomes, DateTime started, string loadBefore,
        TimeSpan took)
    {
        var command = $"bash bench/run.sh {string.Join(' ', args)}".TrimEnd();
        return new StringBuilder()
            .AppendLine(Heading).AppendLine()
            .AppendLine(BenchMarkdown.Wrap("Command (from the repository root; builds Release once, runs each bench in turn as its own " +
                "process, each starting its own simulator, product and baseline processes, and with `--write` rewrites this section; " +
                "`--quick` (the default) takes 1–3 minutes on 2 cores, `--full` 20–30; `--only ingest,query` picks benches; the exit " +
                "code is non-zero when any bench's correctness check failed):"))
            .AppendLine().AppendLine($"    {command}").AppendLine()
            .AppendLine(BenchMarkdown.Wrap($"Run of {started:yyyy-MM-dd HH:mm} UTC, mode **{options.Mode}**, on {MachineInfo.Describe()}; " +
                $"load average (1 min) before / after: {loadBefore} / {MachineInfo.LoadAverage()}; took {took.TotalMinutes:F1} min. Each " +
                "product figure is the median over the runs; the baseline ran in the same run, right after the product, on the same " +
                "input; the ratio is the median of the per-run ratios product ÷ baseline (paging: last page ÷ first page, " +
                "interleaved; scale: N silos ÷ 1 silo of the same run; memory: ÷ an empty product process of the same run). " +
                "Processes share the machine's cores with the load generator and the simulator."))
            .AppendLine()
            .Append(Table(outcomes)).AppendLine()
            .Append(Details(outcomes)).ToString();
    }

    private static string Table(IReadOnlyList<BenchOutcome> outcomes)
    {
        var table = new StringBuilder()
            .AppendLine("| bench | figure | product | baseline (same run) | product ÷ baseline | target | runs | check |")
            .AppendLine("|---|---|---|---|---|---|---|---|");
        foreach (var outcome in outcomes)
        {
            var check = outcome.Passed ? "ok" : $"FAILED (exit code {outcome.ExitCode})";
            if (outcome.Result is not { } result || result.Figures.Count == 0)
            {
                table.AppendLine($"| {outcome.Plan.Name} | no result |  |  |  |  |  | {check} |");
                continue;
            }

            foreach (var f in result.Figures)
            {
                var baseline = f.BaselineMedian is { } b ? $"{BenchFigure.Format(b)} ({f.BaselineName})" : "";
                table.AppendLine($"| {outcome.Plan.Name} | {f.Name} ({f.Unit}) | {BenchFigure.Format(f.ProductMedian)} | {baseline} | " +
                    $"{f.DescribeRatio()} | {f.DescribeTarget()} | {f.Product.Count} | {check} |");
            }
        }

        return table.ToString();
    }

    private static string Details(IReadOnlyList<BenchOutcome> outcomes)
    {
        var text = new StringBuilder();
        foreach (var outcome in outcomes)
        {
            var seconds = outcome.Took.TotalSeconds.ToString("F0", CultureInfo.InvariantCulture);
            text.AppendLine(Item($"**{outcome.Plan.Name}** ({seconds} s; `{string.Join(' ', outcome.Plan.Arguments)}`): " +
                (outcome.Result?.Setup ?? "the bench wrote no result") + "."));
            foreach (var line in (outcome.Result?.Notes ?? []).Concat((outcome.Result?.Failures ?? []).Select(f => $"FAILED CHECK: {f}")))
            {
                text.AppendLine("  " + Item(line).Replace("\n", "\n  ", StringComparison.Ordinal));
            }
        }

        return text.ToString();
    }

    private static string Item(string line) => BenchMarkdown.Wrap($"- {line}", 116).Replace("\n", "\n  ", StringComparison.Ordinal);
}
