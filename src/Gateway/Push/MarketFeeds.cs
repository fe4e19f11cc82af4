using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using Spin.Grains.Interfaces.Candles;
using Spin.Grains.Interfaces.Mints;
using Spin.Grains.Interfaces.Push;

namespace Spin.Gateway.Push;

/// <summary>This gateway's side of the live push: its one observer of the mint grains (registered only with mints its
/// clients subscribed to, renewed on a timer), a feed per watched mint, and every connection's subscriptions (their
/// counts: MarketFeeds.Counts.cs).</summary>
public sealed partial class MarketFeeds(
    IGrainFactory grains,
    IHubContext<MarketHub, IMarketClient> hub,
    IOptions<PushOptions> options,
    PushStats stats,
    ILogger<MarketFeeds> logger) : BackgroundService, IMarketObserver
{
    private readonly Dictionary<string, MintFeed> _feeds = [];
    private readonly ConcurrentDictionary<string, HashSet<string>> _connections = new();
    private IMarketObserver? _observer;

    internal IHubContext<MarketHub, IMarketClient> Hub => hub;

    internal PushOptions Options => options.Value;

    internal PushStats Stats => stats;

    internal ILogger Logger => logger;

    internal IMarketObserver Observer => _observer ??= grains.CreateObjectReference<IMarketObserver>(this);

    /// <inheritdoc />
    public Task OnPush(MintPush push)
    {
        MintFeed? feed;
        lock (_feeds)
        {
            _feeds.TryGetValue(push.Mint, out feed);
        }

        feed?.Post(push);
        return Task.CompletedTask;
    }

    internal void Connected(string connectionId) => _connections.TryAdd(connectionId, []);

    internal async Task DisconnectedAsync(string connectionId)
    {
        if (!_connections.TryRemove(connectionId, out var subscriptions))
        {
            return;
        }

        List<string> keys;
        lock (subscriptions)
        {
            keys = [.. subscriptions];
        }

        foreach (var key in keys)
        {
            await ReleaseAsync(connectionId, key, connected: false);
        }
    }

    internal async Task<SubscriptionAck> SubscribeEventsAsync(string connectionId, string mint, long? since, int history)
    {
        var (feed, rejoin) = Acquire(connectionId, $"trades:{mint}", mint);
        try
        {
            return new SubscriptionAck(mint, null, await feed.SubscribeEventsAsync(connectionId, since, history, rejoin));
        }
        catch when (!rejoin)
        {
            await ReleaseAsync(connectionId, $"trades:{mint}", connected: true, subscribed: false);
            throw;
        }
    }

    internal async Task<SubscriptionAck> SubscribeCandlesAsync(string connectionId, string mint, CandleInterval interval, int history)
    {
        var key = MintFeed.CandleGroup(mint, interval);
        var (feed, rejoin) = Acquire(connectionId, key, mint);
        try
        {
            return new SubscriptionAck(mint, interval.Name(), await feed.SubscribeCandlesAsync(connectionId, interval, history, rejoin));
        }
        catch when (!rejoin)
        {
            await ReleaseAsync(connectionId, key, connected: true, subscribed: false);
            throw;
        }
    }

    internal Task<bool> UnsubscribeAsync(string connectionId, string key) => ReleaseAsync(connectionId, key, connected: true);

    /// <summary>Renews every registration at once when this client gains a gateway connection: a silo that came back
    /// (or a whole cluster restarted) hosts new activations that know no watcher, and waiting for the next renewal tick
    /// would only add to the subscribers' silence.</summary>
    public void OnGatewayCountChanged(GatewayCountChangedEventArgs change)
    {
        if (change.NumberOfConnectedGateways > change.PreviousNumberOfConnectedGateways)
        {
            LogInformationGatewaysRecovered(logger, change.PreviousNumberOfConnectedGateways, change.NumberOfConnectedGateways);
            RenewAll();
        }
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Options.RenewInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            RenewAll();
        }
    }

    private void RenewAll()
    {
        List<MintFeed> feeds;
        lock (_feeds)
        {
            feeds = [.. _feeds.Values];
        }

        // Each renewal runs on its mint's queue, independently: a mint whose silo is slow to answer never delays the
        // others, and a mint still renewing is not asked again.
        foreach (var feed in feeds)
        {
            feed.RenewIfIdle();
        }
    }

    private (MintFeed Feed, bool Rejoin) Acquire(string connectionId, string key, string mint)
    {
        var subscriptions = _connections.GetOrAdd(connectionId, _ => []);
        bool rejoin;
        lock (subscriptions)
        {
            rejoin = subscriptions.Contains(key);
            if (!rejoin && subscriptions.Count >= Options.MaxSubscriptionsPerConnection)
            {
                throw new HubException($"a connection may hold at most {Options.MaxSubscriptionsPerConnection} subscriptions");
            }

            subscriptions.Add(key);
        }

        lock (_feeds)
        {
            if (!_feeds.TryGetValue(mint, out var feed))
            {
                _feeds[mint] = feed = new MintFeed(mint, grains.GetGrain<IMintGrain>(mint), this);
            }

            if (!rejoin)
            {
                feed.References++;
            }

            return (feed, rejoin);
        }
    }

    private async Task<bool> ReleaseAsync(string connectionId, string key, bool connected, bool subscribed = true)
    {
        if (_connections.TryGetValue(connectionId, out var subscriptions))
        {
            lock (subscriptions)
            {
                if (!subscriptions.Remove(key))
                {
                    return false;
                }
            }
        }

        var mint = key.Split(':')[1];
        MintFeed? closing = null;
        MintFeed? feed;
        lock (_feeds)
        {
            if (!_feeds.TryGetValue(mint, out feed))
            {
                return false;
            }

            if (--feed.References == 0)
            {
                _feeds.Remove(mint);
                closing = feed;
            }
        }

        if (subscribed)
        {
            var parts = key.Split(':');
            if (parts[0] == "trades")
            {
                await feed.UnsubscribeEventsAsync(connectionId, connected);
            }
            else if (CandleIntervals.TryParse(parts[2], out var interval))
            {
                await feed.UnsubscribeCandlesAsync(connectionId, interval, connected);
            }
        }

        if (closing is not null)
        {
            await closing.CloseAsync();
        }

        return true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Connected to {Gateways} cluster gateways (was {Previous}): renewing every watched mint now")]
    private static partial void LogInformationGatewaysRecovered(ILogger logger, int previous, int gateways);
}
