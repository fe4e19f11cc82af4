using System.Text.Json;
using System.Text.Json.Serialization;

namespace Spin.Bench;

/// <summary>What one bench process hands the harness (<c>--json path</c>): its figures, how it was set up, notes per
/// run, and every correctness check that failed (none: the figures may be reported).</summary>
public sealed record BenchResult(
    string Bench,
    string Setup,
    IReadOnlyList<BenchFigure> Figures,
    IReadOnlyList<string> Notes,
    IReadOnlyList<string> Failures)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    /// <summary>True when every check passed.</summary>
    [JsonIgnore]
    public bool Passed => Failures.Count == 0;

    /// <summary>Writes the result where <c>--json</c> says, if it says anywhere.</summary>
    public void SaveIfAsked(string[] args)
    {
        var i = Array.IndexOf(args, "--json");
        if (i >= 0 && i + 1 < args.Length)
        {
            File.WriteAllText(args[i + 1], JsonSerializer.Serialize(this, Json));
        }
    }

    /// <summary>Reads a result a bench wrote.</summary>
    public static BenchResult Load(string path) =>
        JsonSerializer.Deserialize<BenchResult>(File.ReadAllText(path), Json) ?? throw new InvalidDataException($"{path} holds no result.");
}
