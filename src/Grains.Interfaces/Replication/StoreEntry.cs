namespace Spin.Grains.Interfaces.Replication;

/// <summary>One key of a silo-local store as it travels between silos: a put, or a delete when <c>Value</c> is null.</summary>
[GenerateSerializer, Immutable, Alias("Spin.Grains.Interfaces.Replication.StoreEntry")]
public sealed record StoreEntry([property: Id(0)] byte[] Key, [property: Id(1)] byte[]? Value);
