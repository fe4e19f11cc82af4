using System.Text.Json;
using System.Text.Json.Serialization;

namespace Spin.Gateway.OpenApi;

// The shapes of the API's responses, for the OpenAPI document only: the endpoints write their JSON field by field
// (see Spin.Gateway.Json), and a test holds every live response to these schemas, so the two cannot drift apart.
// Property names become snake_case through the HTTP JSON options.
#pragma warning disable CS1591 // The records are self-describing documentation shapes.

/// <summary>spin-server's envelope: <c>success</c>, the endpoint's <c>data</c> (its empty default on errors) and a
/// message that names the problem on errors.</summary>
public sealed record Envelope<T>(bool Success, T Data, string Message);

public sealed record TimeData(long Timestamp, string Utc, string Local, string Iso8601);

public sealed record EventsPage(IReadOnlyList<EventItem> Events, long Total, int Page, int Limit, bool HasNext, bool HasPrev);

/// <summary>One event: <c>event_type</c> selects the fields; u128 prices are decimal strings, <c>timestamp</c> is
/// RFC 3339 block time.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "event_type")]
[JsonDerivedType(typeof(TokenCreatedItem), "TokenCreated")]
[JsonDerivedType(typeof(BuySellItem), "BuySell")]
[JsonDerivedType(typeof(LongShortItem), "LongShort")]
[JsonDerivedType(typeof(ForceLiquidateItem), "ForceLiquidate")]
[JsonDerivedType(typeof(FullCloseItem), "FullClose")]
[JsonDerivedType(typeof(PartialCloseItem), "PartialClose")]
[JsonDerivedType(typeof(MilestoneDiscountItem), "MilestoneDiscount")]
public abstract record EventItem(string Payer, string MintAccount, string Timestamp, string Signature, ulong Slot);

public sealed record TokenCreatedItem(string Payer, string MintAccount, string CurveAccount, string PoolTokenAccount, string PoolSolAccount,
    string FeeRecipient, string BaseFeeRecipient, string ParamsAccount, string Name, string Symbol, string Uri, int SwapFee, int BorrowFee,
    int FeeDiscountFlag, string Timestamp, string Signature, ulong Slot) : EventItem(Payer, MintAccount, Timestamp, Signature, Slot);

public sealed record BuySellItem(string Payer, string MintAccount, bool IsBuy, ulong TokenAmount, ulong SolAmount, string LatestPrice,
    string Timestamp, string Signature, ulong Slot) : EventItem(Payer, MintAccount, Timestamp, Signature, Slot);

public sealed record LongShortItem(string Payer, string MintAccount, string OrderPda, string LatestPrice, int OrderType, string Mint, string User,
    string LockLpStartPrice, string LockLpEndPrice, ulong LockLpSolAmount, ulong LockLpTokenAmount, uint StartTime, uint EndTime,
    ulong MarginSolAmount, ulong BorrowAmount, ulong PositionAssetAmount, int BorrowFee, string Timestamp, string Signature, ulong Slot)
    : EventItem(Payer, MintAccount, Timestamp, Signature, Slot);

public sealed record ForceLiquidateItem(string Payer, string MintAccount, string OrderPda, string Timestamp, string Signature, ulong Slot)
    : EventItem(Payer, MintAccount, Timestamp, Signature, Slot);

public sealed record FullCloseItem(string Payer, string UserSolAccount, string MintAccount, bool IsCloseLong, ulong FinalTokenAmount,
    ulong FinalSolAmount, ulong UserCloseProfit, string LatestPrice, string OrderPda, string Timestamp, string Signature, ulong Slot)
    : EventItem(Payer, MintAccount, Timestamp, Signature, Slot);

public sealed record PartialCloseItem(string Payer, string UserSolAccount, string MintAccount, bool IsCloseLong, ulong FinalTokenAmount,
    ulong FinalSolAmount, ulong UserCloseProfit, string LatestPrice, string OrderPda, int OrderType, string Mint, string User,
    string LockLpStartPrice, string LockLpEndPrice, ulong LockLpSolAmount, ulong LockLpTokenAmount, uint StartTime, uint EndTime,
    ulong MarginSolAmount, ulong BorrowAmount, ulong PositionAssetAmount, int BorrowFee, string Timestamp, string Signature, ulong Slot)
    : EventItem(Payer, MintAccount, Timestamp, Signature, Slot);

public sealed record MilestoneDiscountItem(string Payer, string MintAccount, string CurveAccount, int SwapFee, int BorrowFee, int FeeDiscountFlag,
    string Timestamp, string Signature, ulong Slot) : EventItem(Payer, MintAccount, Timestamp, Signature, Slot);

public sealed record IngestStatus(bool IsRunning, string? LastEventTime, long TotalEventsProcessed, string ConnectionStatus, string ProgramId,
    string Commitment, long CursorSlot, long TransactionsProcessed, long DuplicateEvents, long FailedTransactionsSkipped,
    long NotificationsReceived, long TransactionsFetched, long Reconnects, IReadOnlyDictionary<string, long> Decode);

public sealed record EventStats(long TokenCreated, long BuySell, long LongShort, long ForceLiquidate, long FullClose, long PartialClose,
    long MilestoneDiscount, long Total);

public sealed record MintsPage(IReadOnlyList<string> Mints, long Total, int Page, int Limit, bool HasNext, bool HasPrev, string? NextCursor, string SortBy);

public sealed record DetailsRequest(IReadOnlyList<string> Mints);

public sealed record DetailsData(IReadOnlyList<MintDetailItem> Details, int Total);

/// <summary>A mint's details: null where not known yet; <c>uri_data</c> holds spin-server's nine fields of the token
/// metadata fetched from <c>uri</c> (null until fetched, or when the document is not an object), <c>uri_data_raw</c> the
/// document as fetched.</summary>
public sealed record MintDetailItem(string MintAccount, string? Payer, string? CurveAccount, string? PoolTokenAccount, string? PoolSolAccount,
    string? FeeRecipient, string? BaseFeeRecipient, string? ParamsAccount, string? Name, string? Symbol, string? Uri, int? SwapFee,
    int? BorrowFee, int? FeeDiscountFlag, long? CreateTimestamp, string? LatestPrice, long? LatestTradeTime, ulong TotalSolAmount,
    ulong TotalMarginSolAmount, long TotalForceLiquidations, ulong TotalCloseProfit, string? CreatedBy, string? LastUpdatedAt, UriDataItem? UriData,
    JsonElement? UriDataRaw, long BuyCount, long SellCount, long TradeCount);

/// <summary>spin-server's TokenUriData: each field null when the document lacks it or holds another type there.</summary>
public sealed record UriDataItem(string? Name, string? Symbol, string? Description, string? Image,
    [property: JsonPropertyName("showName")] bool? ShowName, [property: JsonPropertyName("createdOn")] string? CreatedOn, string? Twitter,
    string? Website, string? Telegram);

public sealed record OrderItem(int OrderType, string Mint, string User, string LockLpStartPrice, string LockLpEndPrice, ulong LockLpSolAmount,
    ulong LockLpTokenAmount, uint StartTime, uint EndTime, ulong MarginSolAmount, ulong BorrowAmount, ulong PositionAssetAmount, int BorrowFee,
    string OrderPda, string LatestPrice, long LatestTradeTime, string Name, string Symbol, string Image);

public sealed record MintOrdersPage(IReadOnlyList<OrderItem> Orders, long Total, string OrderType, string MintAccount, int Page, int Limit,
    bool HasNext, bool HasPrev);

public sealed record UserEventItem(string EventType, string User, string MintAccount, ulong Slot, long Timestamp, string Signature,
    IReadOnlyDictionary<string, JsonElement> EventData);

public sealed record UserEventsPage(IReadOnlyList<UserEventItem> Transactions, long Total, int Page, int Limit, bool HasNext, bool HasPrev,
    string User, string? MintAccount);

public sealed record UserOrdersPage(IReadOnlyList<OrderItem> Orders, long Total, string User, string? MintAccount, int Page, int Limit,
    bool HasNext, bool HasPrev);

/// <summary>One candle: prices in SOL per token, volume in SOL, <c>time</c> the bucket's start in Unix seconds.</summary>
public sealed record KlineItem(long Time, double Open, double High, double Low, double Close, double Volume, bool IsFinal, long UpdateCount);

public sealed record KlinePage(IReadOnlyList<KlineItem> Klines, long Total, int Page, int Limit, bool HasNext, bool HasPrev, string Interval,
    string MintAccount);

/// <summary>spin-server's kline status, for the SignalR hub at <c>hub_path</c>.</summary>
public sealed record KlineStatus(bool Enabled, string ServiceStatus, KlineStats Stats, string HubPath);

/// <summary>Connection, subscription and watched-mint counts, the hub's settings, and the messages pushed so far.</summary>
public sealed record KlineStats(int ActiveConnections, int TotalSubscriptions, int MonitoredMints, KlineConfig Config, long EventsPushed,
    long CandleMessages);

/// <summary>In seconds: a client silent for <c>connection_timeout</c> (= <c>ping_timeout</c>) is dropped; the server pings
/// every <c>ping_interval</c>.</summary>
public sealed record KlineConfig(long ConnectionTimeout, int MaxSubscriptionsPerClient, long PingInterval, long PingTimeout);

/// <summary>Subscriber counts per room: <c>kline:{mint}:{interval}</c> (candles) or <c>trades:{mint}</c> (events, no
/// interval). <c>clients</c> is always empty: clients are never listed.</summary>
public sealed record KlineSubscriptions(long Timestamp, int TotalConnections, int TotalRooms, IReadOnlyList<JsonElement> Clients,
    IReadOnlyList<KlineRoom> Rooms);

public sealed record KlineRoom(string RoomName, string Mint, string? Interval, int SubscriberCount);
