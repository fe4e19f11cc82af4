using System.Diagnostics;
using Spin.Bench;
using Spin.Bench.Harness;

// Runs every benchmark in turn, each as its own process, and collects their figures into one report section.
// Usage (from the repository root): bash bench/run.sh [--tiny|--quick|--full] [--only ingest,query,paging,push,scale,memory]
//   [--write docs/benchmarks.md] [--inject-failure]
// run.sh builds Release once and starts this program with the same arguments.
var options = HarnessOptions.Parse(args);
var started = DateTime.UtcNow;
var loadBefore = MachineInfo.LoadAverage();
var clock = Stopwatch.StartNew();
var results = Directory.CreateTempSubdirectory("spin-harness-");
var outcomes = new List<BenchOutcome>();
try
{
    foreach (var plan in BenchPlan.For(options))
    {
        outcomes.Add(await BenchOutcome.RunAsync(plan, results.FullName));
    }
}
finally
{
    results.Delete(recursive: true);
}

var report = HarnessReport.Render(args, options, outcomes, started, loadBefore, clock.Elapsed);
Console.WriteLine();
Console.WriteLine(report);
if (options.WritePath is { } path)
{
    BenchMarkdown.WriteSection(path, HarnessReport.Heading, HarnessReport.Reading, report);
    Console.WriteLine($"wrote the section \"{HarnessReport.Heading}\" of {path}");
}

var failed = outcomes.Where(o => !o.Passed).Select(o => o.Plan.Name).ToList();
Console.WriteLine(failed.Count == 0 ? "every check passed" : $"checks FAILED: {string.Join(", ", failed)}");
return failed.Count == 0 ? 0 : 1;
