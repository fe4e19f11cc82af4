using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using Spin.Chain.Binary;
using Spin.Grains.Interfaces.Candles;

namespace Spin.Gateway.Push;

/// <summary><c>/hubs/market</c>: live candles and events of the mints a client subscribes to. Requests are validated and
/// answered with a hub error that names the problem.</summary>
public sealed class MarketHub(MarketFeeds feeds, IOptions<PushOptions> options) : Hub<IMarketClient>
{
    private static readonly string IntervalMessage = $"interval must be one of: {string.Join(", ", CandleIntervals.Names)}";

    /// <summary>Candles of (mint, interval): the recent history (a <c>CandleHistory</c> message), then live updates.</summary>
    public Task<SubscriptionAck> SubscribeCandles(CandleSubscription request)
    {
        var mint = Mint(request?.Mint);
        var interval = Interval(request!.Interval);
        return feeds.SubscribeCandlesAsync(Context.ConnectionId, mint, interval, History(request.History));
    }

    /// <summary>Stops a candle subscription; false when there was none.</summary>
    public Task<bool> UnsubscribeCandles(Unsubscription request) =>
        feeds.UnsubscribeAsync(Context.ConnectionId, MintFeed.CandleGroup(Mint(request?.Mint), Interval(request!.Interval)));

    /// <summary>A mint's events: exactly those after <c>since</c>, or the last <c>history</c> ones, then live events.</summary>
    public Task<SubscriptionAck> SubscribeEvents(EventSubscription request)
    {
        var mint = Mint(request?.Mint);
        if (request!.Since is < 0)
        {
            throw new HubException("since must not be negative");
        }

        return feeds.SubscribeEventsAsync(Context.ConnectionId, mint, request.Since, History(request.History));
    }

    /// <summary>Stops an events subscription; false when there was none.</summary>
    public Task<bool> UnsubscribeEvents(Unsubscription request) => feeds.UnsubscribeAsync(Context.ConnectionId, $"trades:{Mint(request?.Mint)}");

    /// <inheritdoc />
    public override Task OnConnectedAsync()
    {
        feeds.Connected(Context.ConnectionId);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public override Task OnDisconnectedAsync(Exception? exception) => feeds.DisconnectedAsync(Context.ConnectionId);

    private static string Mint(string? mint) =>
        string.IsNullOrWhiteSpace(mint) ? throw new HubException("mint is required")
        : PublicKey.IsValid(mint) ? mint : throw new HubException("mint must be a base58 address of 32 bytes");

    private static CandleInterval Interval(string? interval) =>
        CandleIntervals.TryParse(interval, out var parsed) ? parsed : throw new HubException(IntervalMessage);

    private int History(int? history) => history switch
    {
        null => options.Value.DefaultHistory,
        < 0 or > PushOptions.MaxHistory => throw new HubException($"history must be between 0 and {PushOptions.MaxHistory}"),
        { } h => h,
    };
}
