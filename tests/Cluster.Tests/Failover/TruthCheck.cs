using System.Text.Json.Nodes;

namespace Spin.Cluster.Tests.Failover;

/// <summary>The outcome of comparing every gateway with the truth: the truth, each gateway's last report, when the stream
/// was found done, and when the last comparison found every gateway exact (null when one never was).</summary>
public sealed record TruthCheck(Dictionary<string, List<JsonObject>> Truth, IReadOnlyList<TruthReport> Reports, DateTime StreamDoneAt, DateTime? ExactAt);
