namespace Spin.Gateway.Tests.EndToEnd;

/// <summary>A fresh directory deleted afterwards.</summary>
public sealed class TempDirectory : IDisposable
{
    /// <summary>The directory.</summary>
    public string Path { get; } = Directory.CreateTempSubdirectory("spin-test-").FullName;

    /// <inheritdoc />
    public void Dispose() => Directory.Delete(Path, recursive: true);
}
