using System.Text.RegularExpressions;
using Spin.Gateway.Tests.Infrastructure;

namespace Spin.Bench.Tests;

/// <summary>Runs the benchmark harness on a tiny input, as <c>bench/run.sh --tiny</c> would, so that the harness and the
/// benches it starts keep working; the figures themselves are not judged (CI machines are noisy). The push bench is
/// left out: even tiny, it needs a minute of prefill and warm-up. The scale bench starts four small clusters (1, 2 and 3
/// silos, then 3 for the SIGKILL) against the local PostgreSQL. The memory bench indexes 300 mints and waits for their grains to
/// be deactivated (10 s collection age).</summary>
public sealed partial class HarnessTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(10);
    private static readonly string[] Benches = ["ingest", "query", "paging", "scale", "memory"];
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("spin-bench-tests-");

    [Fact]
    public async Task TinyRunReportsEveryBenchWithNumbersAndPassingChecks()
    {
        var (exitCode, report, output) = await RunHarnessAsync("--tiny", "--only", string.Join(',', Benches));

        Assert.True(exitCode == 0, $"the harness exited with {exitCode}:{Environment.NewLine}{output}");
        Assert.StartsWith("## All benchmarks, one command", report);
        Assert.Contains("mode **tiny**", report);
        Assert.Matches(@"on \d+ cores", report);
        foreach (var bench in Benches)
        {
            var rows = report.Split('\n').Where(l => l.StartsWith($"| {bench} |", StringComparison.Ordinal)).ToList();
            Assert.NotEmpty(rows);
            Assert.All(rows, row => Assert.EndsWith("| ok |", row));
            Assert.All(rows, row => Assert.Matches(NumberCell(), row));
        }

        Assert.Contains("| query | `/api/events` p99 (ms) |", report);
        Assert.Contains("bare RocksDB WriteBatch loop (b)", report);
        Assert.Contains("| scale | 3 silos (events/s) |", report);
        Assert.Contains("1 silo, same run", report);
        Assert.Contains("| memory | RSS after indexing 300 mints (MiB) |", report);
        Assert.Contains("| memory | RSS after idle deactivation (MiB) |", report);
        Assert.Contains("| memory | grain activations live after idle deactivation (activations) |", report);
        Assert.Contains("(empty product, same run)", report);
        Assert.Contains("| report |", report);
        Assert.DoesNotContain("FAILED", report);
    }

    [Fact]
    public async Task WrongAnswerFailsTheRun()
    {
        var (exitCode, report, _) = await RunHarnessAsync("--tiny", "--only", "query", "--inject-failure");

        Assert.NotEqual(0, exitCode);
        var text = Whitespace().Replace(report, " ");
        Assert.Contains("FAILED CHECK", text);
        Assert.Contains("bytes differ from the first answer", text);
    }

    /// <inheritdoc />
    public void Dispose() => _directory.Delete(recursive: true);

    private async Task<(int ExitCode, string Report, string Output)> RunHarnessAsync(params string[] arguments)
    {
        var path = Path.Combine(_directory.FullName, "benchmarks.md");
        var harness = Path.Combine(RepoPaths.Root, "bench", "Harness", "bin", RepoPaths.Configuration, "net10.0", "Spin.Bench.Harness.dll");
        await using var process = TestProcess.Start("harness", harness, [.. arguments, "--write", path]);
        var exitCode = await process.WaitForExitAsync(Patience);
        return (exitCode, File.Exists(path) ? await File.ReadAllTextAsync(path) : "", process.Tail(200));
    }

    // The report wraps its lines, so phrases are compared with every run of whitespace as one space.
    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    // A product cell holding a number: "| 1,234 |" or "| 0.52 |".
    [GeneratedRegex(@"\| [0-9][0-9,]*(\.[0-9]+)? \|")]
    private static partial Regex NumberCell();
}
