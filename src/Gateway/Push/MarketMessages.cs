using System.Text.Json;

namespace Spin.Gateway.Push;

/// <summary>What the server calls on a <c>/hubs/market</c> client.</summary>
public interface IMarketClient
{
    /// <summary>One event of a subscribed mint, in sequence order; never coalesced.</summary>
    Task Event(EventMessage message);

    /// <summary>A candle's new state (possibly coalesced; its last state is always sent).</summary>
    Task Candle(CandleMessage message);

    /// <summary>The recent candles, newest first, sent once on subscribe before any live candle.</summary>
    Task CandleHistory(CandleHistoryMessage message);
}

/// <summary>An event: <c>event</c> has the shape of an <c>/api/events</c> item; <c>seq</c> is the mint's sequence
/// number (1-based, chain order, dense); <c>sent_at</c> the server send time in Unix milliseconds.</summary>
public sealed record EventMessage(string Mint, long Seq, JsonElement Event, long SentAt);

/// <summary>A candle: <c>candle</c> has the shape of an <c>/api/kline</c> item; <c>seq</c> the mint's sequence number
/// the state reflects.</summary>
public sealed record CandleMessage(string Mint, string Interval, long Seq, JsonElement Candle, long SentAt);

/// <summary>Recent candles, newest first.</summary>
public sealed record CandleHistoryMessage(string Mint, string Interval, long Seq, IReadOnlyList<JsonElement> Candles, long SentAt);

/// <summary>Subscribe to a mint's candles of one interval; <c>history</c> recent candles first (default 100, at most 1000).</summary>
public sealed record CandleSubscription(string? Mint, string? Interval, int? History);

/// <summary>Subscribe to a mint's events. With <c>since</c> (a sequence number the client has), exactly the events
/// after it come first; without, the last <c>history</c> events (default 100, at most 1000); then live events.</summary>
public sealed record EventSubscription(string? Mint, long? Since, int? History);

/// <summary>Stop a subscription.</summary>
public sealed record Unsubscription(string? Mint, string? Interval);

/// <summary>The answer to a subscribe: the mint's sequence number live messages continue after.</summary>
public sealed record SubscriptionAck(string Mint, string? Interval, long Seq);
