using Spin.Grains.Interfaces.Events;

namespace Spin.Grains.Mints;

/// <summary>A mint's durable manifest (PostgreSQL in cluster mode): how many events the mint has. Its ETag fences
/// writes, so two activations of one mint during a membership change cannot both extend the log; and a silo whose store
/// holds fewer events knows it must catch up.</summary>
[GenerateSerializer, Alias("Spin.Grains.Mints.MintManifest")]
public sealed class MintManifest
{
    /// <summary>The newest sequence number of the mint's event log.</summary>
    [Id(0)]
    public long LastSeq { get; set; }

    /// <summary>The id of the event numbered <see cref="LastSeq"/>: a store missing the last batch recognises it when the
    /// listener redelivers that batch.</summary>
    [Id(1)]
    public EventId? LastEvent { get; set; }
}
