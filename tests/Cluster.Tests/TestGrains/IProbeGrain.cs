namespace Spin.Cluster.Tests.TestGrains;

/// <summary>A test grain that answers calls and keeps one string in PostgreSQL grain storage.</summary>
[Alias("Spin.Cluster.Tests.TestGrains.IProbeGrain")]
public interface IProbeGrain : IGrainWithStringKey
{
    /// <summary>Returns <paramref name="text"/>.</summary>
    [Alias("Echo")]
    Task<string> Echo(string text);

    /// <summary>Writes <paramref name="value"/> to the grain's state.</summary>
    [Alias("Save")]
    Task Save(string value);

    /// <summary>Reads the state back from storage.</summary>
    [Alias("Load")]
    Task<string> Load();

    /// <summary>Deactivates the grain after this call.</summary>
    [Alias("Deactivate")]
    Task Deactivate();
}
