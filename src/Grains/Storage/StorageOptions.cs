using System.ComponentModel.DataAnnotations;

namespace Spin.Grains.Storage;

/// <summary>Where and how the silo-local RocksDB is kept (<c>Spin:Storage</c>).</summary>
public sealed class StorageOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Spin:Storage";

    /// <summary>The database directory; relative paths are relative to the working directory.</summary>
    [Required(AllowEmptyStrings = false)]
    public string Path { get; set; } = "./data";

    /// <summary>fsync every write batch. Off by default: the write-ahead log already survives a killed process;
    /// turn it on to survive power loss as well.</summary>
    public bool SyncWrites { get; set; }
}
