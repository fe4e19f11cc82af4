using System.Text.Json;
using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace Spin.Cluster.Tests.Failover;

/// <summary>The figures a failover test measures: written to the test output as they are measured and, on dispose
/// (even when the test failed), appended as one JSON line to the file named by <c>SPIN_FAILOVER_REPORT</c>.</summary>
public sealed class FailoverFigures(ITestOutputHelper output, string test) : IDisposable
{
    /// <summary>The environment variable naming the JSON-lines report file.</summary>
    public const string ReportVariable = "SPIN_FAILOVER_REPORT";

    // Figures may be measured side by side (a takeover and an answering time after the same kill).
    private readonly object _gate = new();
    private readonly JsonObject _figures = [];
    private readonly DateTime _started = DateTime.UtcNow;

    /// <summary>Records a duration, in seconds with one decimal.</summary>
    public void Record(string name, TimeSpan value) => Record(name, Math.Round(value.TotalSeconds, 1), "s");

    /// <summary>Records a value.</summary>
    public void Record(string name, double value, string unit = "")
    {
        lock (_gate)
        {
            _figures[name] = value;
            output.WriteLine($"[figure] {name} = {value}{unit}");
        }
    }

    /// <summary>Records a text (which silo was killed, which held the listener).</summary>
    public void Note(string name, string? value)
    {
        lock (_gate)
        {
            _figures[name] = value;
            output.WriteLine($"[figure] {name} = {value ?? "(none)"}");
        }
    }

    /// <summary>Writes a progress line with the time since the test began.</summary>
    public void Step(string what) => output.WriteLine($"[{(DateTime.UtcNow - _started).TotalSeconds,6:F1}s] {what}");

    private JsonNode Snapshot()
    {
        lock (_gate)
        {
            return _figures.DeepClone();
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        var line = new JsonObject
        {
            ["test"] = test,
            ["at"] = _started.ToString("O"),
            ["duration_s"] = Math.Round((DateTime.UtcNow - _started).TotalSeconds, 1),
            ["figures"] = Snapshot(),
        }.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
        output.WriteLine($"[report] {line}");
        if (Environment.GetEnvironmentVariable(ReportVariable) is { Length: > 0 } path)
        {
            File.AppendAllText(path, line + Environment.NewLine);
        }
    }
}
