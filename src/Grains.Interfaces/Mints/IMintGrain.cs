using Spin.Grains.Interfaces.Candles;
using Spin.Grains.Interfaces.Events;
using Spin.Grains.Interfaces.Orders;
using Spin.Grains.Interfaces.Push;

namespace Spin.Grains.Interfaces.Mints;

/// <summary>One SpinPet mint: its event log in chain order, candles, open orders and details, kept in the hosting silo's RocksDB.</summary>
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

    /// <summary>Reads one page of the mint's open orders: up (shorts, start price ascending) or down (longs, descending).</summary>
    [Alias("GetOrders")]
    Task<OrderPage> GetOrders(bool up, int page, int limit);

    /// <summary>The mint's details and aggregates, or null for a mint never seen.</summary>
    [Alias("GetDetails")]
    Task<MintDetails?> GetDetails();

    /// <summary>Up to <paramref name="max"/> events from sequence number <paramref name="fromSeq"/> on, ascending.</summary>
    [Alias("GetEventRange")]
    Task<IReadOnlyList<StoredEvent>> GetEventRange(long fromSeq, int max);

    /// <summary>The events of this mint that concern <paramref name="user"/> and the user's open orders here.</summary>
    [Alias("GetUser")]
    Task<MintUserView> GetUser(string user);

    /// <summary>Where the mint lives and whether its silo is still catching up.</summary>
    [Alias("GetPlacement")]
    Task<MintPlacement> GetPlacement();

    /// <summary>Registers (or renews) a gateway's observer for this mint's pushes until <paramref name="lease"/> passes
    /// without renewal; returns the newest sequence number, after which pushes continue.</summary>
    [Alias("Watch")]
    Task<long> Watch(IMarketObserver observer, TimeSpan lease);

    /// <summary>Stops pushing to a gateway's observer.</summary>
    [Alias("Unwatch")]
    Task Unwatch(IMarketObserver observer);
}
