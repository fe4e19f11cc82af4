using Spin.Grains.Interfaces.Candles;
using Spin.Grains.Interfaces.Events;

namespace Spin.Grains.Interfaces.Mints;

/// <summary>One SpinPet mint: its event log in chain order and its candles, kept in the hosting silo's RocksDB.</summary>
[Alias("Spin.Grains.Interfaces.Mints.IMintGrain")]
public interface IMintGrain : IGrainWithStringKey
{
    /// <summary>Stores a batch of this mint's events in chain order; idempotent by event id.</summary>
    [Alias("Apply")]
    Task<ApplyResult> Apply(IReadOnlyList<ChainEvent> events);

    /// <summary>Reads one page of the mint's events.</summary>
    [Alias("GetEvents")]
    Task<EventPage> GetEvents(EventQuery query);

    /// <summary>Reads one page of the mint's candles.</summary>
    [Alias("GetCandles")]
    Task<CandlePage> GetCandles(CandleQuery query);
}
