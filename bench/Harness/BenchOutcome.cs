using System.Diagnostics;

namespace Spin.Bench.Harness;

/// <summary>How one bench process ended: its exit code, how long it took, and the result it wrote (none if it died).</summary>
public sealed record BenchOutcome(BenchPlan Plan, int ExitCode, TimeSpan Took, BenchResult? Result)
{
    /// <summary>True when the process succeeded and every check in its result passed.</summary>
    public bool Passed => ExitCode == 0 && Result is { Passed: true };

    /// <summary>Runs a bench as its own process (<c>dotnet Spin.Bench.X.dll args --json file</c>), its output passed through
    /// line by line with the bench's name in front.</summary>
    public static async Task<BenchOutcome> RunAsync(BenchPlan plan, string resultDirectory)
    {
        var json = Path.Combine(resultDirectory, $"{plan.Name}.json");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in (string[])[plan.Dll, .. plan.Arguments, "--json", json])
        {
            info.ArgumentList.Add(argument);
        }

        Console.WriteLine($"== {plan.Name}: dotnet {string.Join(' ', info.ArgumentList)}");
        var clock = Stopwatch.StartNew();
        using var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => Echo(plan, e.Data);
        process.ErrorDataReceived += (_, e) => Echo(plan, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await process.WaitForExitAsync();
        var result = File.Exists(json) ? BenchResult.Load(json) : null;
        Console.WriteLine($"== {plan.Name}: exit code {process.ExitCode} after {clock.Elapsed.TotalSeconds:F0} s");
        return new BenchOutcome(plan, process.ExitCode, clock.Elapsed, result);
    }

    private static void Echo(BenchPlan plan, string? line)
    {
        if (line is not null)
        {
            Console.WriteLine($"[{plan.Name}] {line}");
        }
    }
}
