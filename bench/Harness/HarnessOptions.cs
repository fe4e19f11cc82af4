namespace Spin.Bench.Harness;

/// <summary>The harness's command line: the mode, which benches, where to write the report, and a deliberate wrong
/// answer (to see the checks fail).</summary>
public sealed record HarnessOptions(string Mode, IReadOnlyList<string> Only, string? WritePath, bool InjectFailure)
{
    /// <summary>The modes: <c>tiny</c> (seconds; the harness's own test), <c>quick</c> (1–3 minutes), <c>full</c>.</summary>
    public static readonly string[] Modes = ["tiny", "quick", "full"];

    /// <summary>Parses <c>--tiny | --quick | --full</c> (quick by default), <c>--only ingest,query</c>, <c>--write path</c>
    /// and <c>--inject-failure</c>.</summary>
    public static HarnessOptions Parse(string[] args)
    {
        string? Text(string name)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        }

        var unknown = args.Where(a => a.StartsWith("--", StringComparison.Ordinal) && a is not ("--only" or "--write" or "--inject-failure")
            && !Modes.Contains(a[2..])).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"Unknown option {unknown[0]}; usage: [--tiny|--quick|--full] [--only ingest,query,paging,push,scale,memory] " +
                "[--write docs/benchmarks.md] [--inject-failure]");
        }

        var mode = Modes.LastOrDefault(m => args.Contains($"--{m}")) ?? "quick";
        var only = Text("--only")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
        return new HarnessOptions(mode, only, Text("--write"), args.Contains("--inject-failure"));
    }
}
