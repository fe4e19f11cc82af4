using System.Globalization;
using Spin.Cluster.Tests.Failover;

namespace Spin.Bench.Scale;

/// <summary>One recovery run: which silo was killed and how many mints it hosted, when every mint answered again (at all,
/// and with at least the events it served before the kill), and what the gateway served afterwards against the truth.</summary>
public sealed record RecoveryResult(string Killed, string ListenerHolder, int MintsOnKilled, int Mints, Answering Answering, TruthReport Truth)
{
    /// <summary>Seconds from the kill to every mint answering with its data; NaN when that did not happen.</summary>
    public double Seconds => Answering.WithData?.TotalSeconds ?? double.NaN;

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"SIGKILL of {Killed} (hosting {MintsOnKilled} of {Mints} mints; the listener ran on {ListenerHolder}): every mint answered after " +
        $"{Describe(Answering.AtAll)}, with its data after {Describe(Answering.WithData)}; errors seen meanwhile: " +
        $"{(Answering.Errors.Count == 0 ? "none" : string.Join(" | ", Answering.Errors.Take(3)))}; after the stream: {Truth.TruthEvents:N0} events " +
        $"in the truth, {Truth.ServedEvents:N0} served, {Truth.Lost} lost, {Truth.Duplicated} duplicated, {Truth.Mismatched} mismatched");

    private static string Describe(TimeSpan? elapsed) =>
        elapsed is { } e ? string.Create(CultureInfo.InvariantCulture, $"{e.TotalSeconds:F1} s") : "never (within 60 s)";
}
