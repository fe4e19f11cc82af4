namespace Spin.Bench.Push;

/// <summary>One measured run of one system (the product or the bare baseline hub).</summary>
/// <param name="System">"product" or "baseline".</param>
/// <param name="Run">The run's number.</param>
/// <param name="Window">The measured interval.</param>
/// <param name="Events">Distinct events of the subscribed mints emitted in the window.</param>
/// <param name="Expected">(client, event) pairs the clients had to receive: every event of their mints emitted in the window.</param>
/// <param name="Delivered">Of those, the ones received.</param>
/// <param name="Violations">Messages out of sequence order, twice, of an unknown mint or not matching the ground truth.</param>
/// <param name="Samples">The first few violations or problems, for the console.</param>
/// <param name="Total">Emission to client receipt.</param>
/// <param name="EmitToSend">Emission to the server's <c>sent_at</c> (millisecond resolution).</param>
/// <param name="SendToReceipt">The server's <c>sent_at</c> to client receipt (millisecond resolution).</param>
/// <param name="Problem">Why the run cannot be trusted, besides missing or violating messages.</param>
public sealed record RunResult(string System, int Run, MeasuredWindow Window, int Events, long Expected, long Delivered, long Violations,
    IReadOnlyList<string> Samples, LatencySummary Total, LatencySummary EmitToSend, LatencySummary SendToReceipt, string? Problem)
{
    /// <summary>What the system's own counters said during the window (the product only).</summary>
    public string? Diagnosis { get; init; }

    /// <summary>How long connecting and subscribing every client took.</summary>
    public TimeSpan SubscribeTime { get; init; }

    /// <summary>How the latency moved over the window: the p50 of the events emitted in each fifth of it.</summary>
    public IReadOnlyList<double> Trend { get; init; } = [];

    /// <summary>True when every client received every event of its mints exactly once, in order, and nothing else failed.</summary>
    public bool Valid => Delivered == Expected && Violations == 0 && Problem is null && Expected > 0;

    /// <summary>Events emitted per second in the window.</summary>
    public double EventsPerSecond => Events / Window.Seconds;

    /// <summary>Messages delivered per second (the window's events times their subscribers).</summary>
    public double MessagesPerSecond => Delivered / Window.Seconds;

    /// <summary>One line for the console.</summary>
    public override string ToString() =>
        $"{System} run {Run}: {(Valid ? "checked" : "INVALID")}, {Events:N0} events ({EventsPerSecond:F0}/s), delivered {Delivered:N0} of " +
        $"{Expected:N0} ({MessagesPerSecond:N0} messages/s), {Violations} violations; latency ms p50 {Total.P50:F1} p90 {Total.P90:F1} " +
        $"p99 {Total.P99:F1} max {Total.Max:F1}; emit→send p50 {EmitToSend.P50:F1} p99 {EmitToSend.P99:F1}; send→receipt p50 " +
        $"{SendToReceipt.P50:F1} p99 {SendToReceipt.P99:F1}; CPU {string.Join(", ", Window.Cpu.ProcessPercent.Select(p => $"{p.Key} {p.Value:F0}%"))}, " +
        $"machine {Window.Cpu.MachinePercent:F0}%{(Problem is null ? "" : $"; problem: {Problem}")}" +
        $"{Environment.NewLine}    p50 by fifth of the window (ms): {string.Join(", ", Trend.Select(t => t.ToString("F0")))}" +
        (Diagnosis is null ? "" : $"{Environment.NewLine}    {Diagnosis}") +
        string.Concat(Samples.Select(s => $"{Environment.NewLine}    {s}"));
}
