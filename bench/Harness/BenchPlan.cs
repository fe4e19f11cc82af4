using Spin.Gateway.Tests.Infrastructure;

namespace Spin.Bench.Harness;

/// <summary>One bench to run: its name (also its folder under bench/) and its arguments in the chosen mode.</summary>
public sealed record BenchPlan(string Name, IReadOnlyList<string> Arguments)
{
    /// <summary>The bench's built entry assembly, in the harness's own configuration.</summary>
    public string Dll
    {
        get
        {
            var project = char.ToUpperInvariant(Name[0]) + Name[1..];
            var path = Path.Combine(RepoPaths.Root, "bench", project, "bin",
                RepoPaths.Configuration, "net10.0", $"Spin.Bench.{project}.dll");
            return File.Exists(path) ? path : throw new FileNotFoundException($"Build bench/{project} first (bench/run.sh does).", path);
        }
    }

    /// <summary>The benches of a mode, in the order they run: the sizes are what each mode can afford on 2 cores.</summary>
    public static IReadOnlyList<BenchPlan> For(HarnessOptions options)
    {
        var plans = options.Mode switch
        {
            "tiny" => new BenchPlan[]
            {
                new("ingest", ["--transactions", "200", "--mints", "4", "--runs", "1"]),
                new("query", ["--transactions", "300", "--mints", "4", "--rate", "100", "--seconds", "2", "--warmup", "1", "--runs", "1"]),
                new("paging", ["--mints", "200", "--events", "300", "--requests", "5", "--warmup", "2", "--concurrency", "16"]),
                new("push", ["--clients", "10", "--mints", "4", "--events-per-second", "100", "--seconds", "2", "--runs", "1"]),
                new("scale", ["--transactions", "300", "--mints", "8", "--rate", "5000", "--runs", "1", "--recovery-transactions", "400"]),
                new("memory", ["--mints", "300", "--sample", "50", "--collection-age", "10"]),
            },
            "quick" => new BenchPlan[]
            {
                new("ingest", ["--transactions", "3000", "--mints", "20", "--runs", "3"]),
                new("query", ["--transactions", "3000", "--mints", "20", "--rate", "1000", "--seconds", "8", "--warmup", "2", "--runs", "2"]),
                new("paging", ["--mints", "5000", "--events", "10000", "--requests", "50", "--warmup", "10"]),
                new("push", ["--clients", "100", "--mints", "10", "--events-per-second", "500", "--seconds", "10", "--runs", "1"]),
                new("scale", ["--transactions", "3000", "--mints", "20", "--rate", "5000", "--runs", "1", "--recovery-transactions", "600"]),
                new("memory", ["--mints", "10000", "--sample", "200", "--collection-age", "20"]),
            },
            _ => new BenchPlan[]
            {
                new("ingest", ["--transactions", "50000", "--mints", "50", "--runs", "3"]),
                new("query", ["--transactions", "20000", "--mints", "50", "--rate", "5000", "--seconds", "30", "--warmup", "5", "--runs", "3"]),
                new("paging", ["--mints", "100000", "--events", "100000"]),
                new("push", ["--clients", "1000", "--mints", "50", "--events-per-second", "1000", "--seconds", "60", "--runs", "3"]),
                new("scale", ["--transactions", "20000", "--mints", "50", "--rate", "5000", "--runs", "3", "--recovery-transactions", "1200"]),
                new("memory", ["--mints", "100000", "--sample", "500", "--collection-age", "20"]),
            },
        };
        return plans.Where(p => options.Only.Count == 0 || options.Only.Contains(p.Name))
            .Select(p => options.InjectFailure && p.Name == "query" ? p with { Arguments = [.. p.Arguments, "--inject-failure"] } : p)
            .ToList();
    }
}
