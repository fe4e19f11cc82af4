namespace Spin.Cluster.Tests.TestGrains;

/// <summary>The state of <see cref="ProbeGrain"/>.</summary>
[GenerateSerializer, Alias("Spin.Cluster.Tests.TestGrains.ProbeState")]
public sealed class ProbeState
{
    /// <summary>The stored value.</summary>
    [Id(0)]
    public string Value { get; set; } = "";
}
