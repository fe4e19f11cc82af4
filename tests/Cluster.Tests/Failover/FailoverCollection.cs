namespace Spin.Cluster.Tests.Failover;

/// <summary>The failover tests: each runs a whole cluster of real processes, so they run one after another and never
/// beside another test.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class FailoverCollection
{
    /// <summary>The collection name.</summary>
    public const string Name = "Failover";
}
