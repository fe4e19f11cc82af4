namespace Spin.Cluster.Tests.Failover;

/// <summary>When, after a disruption, every mint answered <c>/api/events</c> again: at all (HTTP 200), and with at
/// least the events it served before the disruption (null when that did not happen within the timeout); the last
/// observation and the distinct errors seen on the way.</summary>
public sealed record Answering(TimeSpan? AtAll, TimeSpan? WithData, string LastObserved, IReadOnlyCollection<string> Errors);

/// <summary>One mint's answer to an availability probe: its served event count, or why there is none.</summary>
public sealed record Probe(long? Count, string? Error);
