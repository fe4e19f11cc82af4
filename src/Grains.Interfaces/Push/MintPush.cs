using Spin.Grains.Interfaces.Candles;
using Spin.Grains.Interfaces.Events;

namespace Spin.Grains.Interfaces.Push;

/// <summary>What one applied batch changed in a mint, pushed to the gateways that watch it: the new events with their
/// sequence numbers, in order, and the final state of every candle the batch touched.</summary>
[GenerateSerializer, Immutable, Alias("Spin.Grains.Interfaces.Push.MintPush")]
public sealed record MintPush(
    [property: Id(0)] string Mint,
    [property: Id(1)] long LastSeq,
    [property: Id(2)] IReadOnlyList<StoredEvent> Events,
    [property: Id(3)] IReadOnlyList<CandleUpdate> Candles);

/// <summary>A candle's state after a batch.</summary>
[GenerateSerializer, Immutable, Alias("Spin.Grains.Interfaces.Push.CandleUpdate")]
public sealed record CandleUpdate([property: Id(0)] CandleInterval Interval, [property: Id(1)] Candle Candle);
