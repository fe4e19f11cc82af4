using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Spin.Grains.Storage;

namespace Spin.Grains.Tests.Infrastructure;

/// <summary>A real RocksDB store in its own temporary directory, deleted afterwards.</summary>
public sealed class StoreFixture : IDisposable
{
    private readonly string _path = Directory.CreateTempSubdirectory("spin-store-").FullName;

    public StoreFixture() => Store = Open();

    /// <summary>The open store.</summary>
    public RocksStore Store { get; private set; }

    /// <summary>Closes and reopens the store on the same files.</summary>
    public void Reopen()
    {
        Store.Dispose();
        Store = Open();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Store.Dispose();
        Directory.Delete(_path, recursive: true);
    }

    private RocksStore Open() => new(Options.Create(new StorageOptions { Path = _path }), NullLogger<RocksStore>.Instance);
}
