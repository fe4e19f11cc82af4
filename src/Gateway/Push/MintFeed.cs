using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR;
using Spin.Grains.Interfaces.Candles;
using Spin.Grains.Interfaces.Events;
using Spin.Grains.Interfaces.Mints;
using Spin.Grains.Interfaces.Push;

namespace Spin.Gateway.Push;

/// <summary>One watched mint in this gateway. Everything that touches its groups (pushes from the grain, subscribes,
/// renewals, candle flushes) runs one at a time on its queue, in arrival order, so a subscriber's missed events, the
/// join of its group and the live events that follow form one sequence: no gap, nothing twice.</summary>
internal sealed partial class MintFeed
{
    private const int ReadPage = 1000;
    private const string Unreachable = "the mint cannot be reached right now; try again";
    private const int MaxRefreshPages = 10;
    // Every call to the grain is bounded: a call caught by a silo's death would otherwise hold this mint's queue for
    // Orleans' whole response timeout; a failed read is retried from where it stopped on the next renewal.
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(5);
    private readonly Channel<Func<Task>> _work = Channel.CreateUnbounded<Func<Task>>(new UnboundedChannelOptions { SingleReader = true });
    private readonly IMintGrain _grain;
    private readonly MarketFeeds _feeds;
    private readonly Dictionary<CandleInterval, int> _candleSubscribers = [];
    private readonly Dictionary<CandleInterval, SortedDictionary<long, Candle>> _pending = [];
    private readonly Dictionary<CandleInterval, long> _lastFlush = [];
    private readonly HashSet<CandleInterval> _flushScheduled = [];
    private readonly Task _loop;
    private int _eventSubscribers;
    private int _renewing;
    private bool _watching;

    // The first event whose candles still need refreshing after a catch-up that failed part-way.
    private long? _refreshFrom;

    public MintFeed(string mint, IMintGrain grain, MarketFeeds feeds)
    {
        Mint = mint;
        _grain = grain;
        _feeds = feeds;
        EventsGroup = $"trades:{mint}";
        _loop = Task.Run(RunAsync);
    }

    public string Mint { get; }

    public string EventsGroup { get; }

    /// <summary>Subscriptions held on this feed by all connections (guarded by <see cref="MarketFeeds"/>).</summary>
    public int References { get; set; }

    /// <summary>The highest sequence number sent to this feed's groups.</summary>
    public long Seq { get; private set; }

    public static string CandleGroup(string mint, CandleInterval interval) => $"kline:{mint}:{interval.Name()}";

    public void Post(MintPush push) => _work.Writer.TryWrite(() => OnPushAsync(push));

    public Task<T> Run<T>(Func<Task<T>> work)
    {
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_work.Writer.TryWrite(async () =>
            {
                try
                {
                    done.TrySetResult(await work());
                }
                catch (Exception ex) when (Api.ApiExceptionHandler.IsTransient(ex))
                {
                    // A read that got no answer in time (a silo dying or restarting): the subscriber is told to retry,
                    // with since = the last event it received, rather than "an unexpected error".
                    done.TrySetException(new HubException(Unreachable));
                }
                catch (Exception ex)
                {
                    done.TrySetException(ex);
                }
            }))
        {
            done.TrySetException(new HubException("the mint's feed is closing; subscribe again"));
        }

        return done.Task;
    }

    /// <summary>Renews the registration unless a renewal is still under way.</summary>
    public void RenewIfIdle()
    {
        if (Interlocked.Exchange(ref _renewing, 1) == 1)
        {
            return;
        }

        _ = Run(async () =>
        {
            await EnsureWatchingAsync(renew: true);
            return true;
        }).ContinueWith(_ => Interlocked.Exchange(ref _renewing, 0), TaskScheduler.Default);
    }

    public async Task<long> SubscribeEventsAsync(string connectionId, long? since, int history, bool rejoin)
    {
        return await Run(async () =>
        {
            await EnsureWatchingAsync(renew: false);
            if (since > Seq)
            {
                await EnsureWatchingAsync(renew: true);
            }

            if (since > Seq)
            {
                throw new HubException($"since {since} is ahead of the mint's newest sequence number {Seq}");
            }

            var from = since is { } s ? s + 1 : Math.Max(1, Seq - history + 1);
            if (Seq - from + 1 > _feeds.Options.MaxResumeEvents)
            {
                throw new HubException($"{Seq - from + 1} events were missed, more than {_feeds.Options.MaxResumeEvents}; read them from /api/events and subscribe with a newer since");
            }

            if (rejoin)
            {
                await _feeds.Hub.Groups.RemoveFromGroupAsync(connectionId, EventsGroup);
            }

            var client = _feeds.Hub.Clients.Client(connectionId);
            await ReadAsync(from, Seq, async e =>
            {
                await client.Event(new EventMessage(Mint, e.Seq, PushJson.Event(e.Event), Now()));
                _feeds.Stats.Pushed(1);
            });
            await _feeds.Hub.Groups.AddToGroupAsync(connectionId, EventsGroup);
            if (!rejoin)
            {
                _eventSubscribers++;
            }

            return Seq;
        });
    }

    public Task<long> SubscribeCandlesAsync(string connectionId, CandleInterval interval, int history, bool rejoin) => Run(async () =>
    {
        await EnsureWatchingAsync(renew: false);
        var page = history == 0 ? null : await _grain.GetCandles(new CandleQuery(interval, 1, history, true, null, null, false)).WaitAsync(CallTimeout);
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var candles = page?.Candles.Select(c => PushJson.Candle(c, interval, now)).ToList() ?? [];
        await _feeds.Hub.Clients.Client(connectionId).CandleHistory(new CandleHistoryMessage(Mint, interval.Name(), Seq, candles, Now()));
        await _feeds.Hub.Groups.AddToGroupAsync(connectionId, CandleGroup(Mint, interval));
        if (!rejoin)
        {
            _candleSubscribers[interval] = _candleSubscribers.GetValueOrDefault(interval) + 1;
        }

        return Seq;
    });

    public Task UnsubscribeEventsAsync(string connectionId, bool connected) => Run(async () =>
    {
        if (connected)
        {
            await _feeds.Hub.Groups.RemoveFromGroupAsync(connectionId, EventsGroup);
        }

        _eventSubscribers--;
        return true;
    });

    public Task UnsubscribeCandlesAsync(string connectionId, CandleInterval interval, bool connected) => Run(async () =>
    {
        if (connected)
        {
            await _feeds.Hub.Groups.RemoveFromGroupAsync(connectionId, CandleGroup(Mint, interval));
        }

        _candleSubscribers[interval]--;
        return true;
    });

    /// <summary>Stops watching the mint and ends the queue.</summary>
    public async Task CloseAsync()
    {
        await Run(async () =>
        {
            if (_watching)
            {
                try
                {
                    await _grain.Unwatch(_feeds.Observer).WaitAsync(CallTimeout);
                }
                catch (Exception ex)
                {
                    // The lease expires on its own.
                    LogDebugUnwatchFailed(_feeds.Logger, ex, Mint);
                }
            }

            return true;
        });
        _work.Writer.TryComplete();
        await _loop;
    }

    private async Task RunAsync()
    {
        await foreach (var work in _work.Reader.ReadAllAsync())
        {
            try
            {
                await work();
            }
            catch (Exception ex)
            {
                LogWarningFeedFailed(_feeds.Logger, ex, Mint);
            }
        }
    }

    // Registers (or renews) this gateway with the grain. After a silo restart the new activation knows no watcher: the
    // renewal re-registers, and whatever was applied meanwhile is read from the store and sent, then pushes go on.
    private async Task EnsureWatchingAsync(bool renew)
    {
        if (_watching && !renew)
        {
            return;
        }

        long newest;
        try
        {
            // A mint whose silo just died answers only once the cluster has declared the silo dead and the mint moved: do
            // not wait out the whole response timeout, retry on the next renewal instead.
            newest = await _grain.Watch(_feeds.Observer, _feeds.Options.Lease).WaitAsync(CallTimeout);
        }
        catch (Exception ex) when (ex is not HubException)
        {
            LogWarningWatchFailed(_feeds.Logger, ex, Mint);
            if (!_watching)
            {
                throw new HubException(Unreachable);
            }

            return;
        }

        if (!_watching)
        {
            _watching = true;
            Seq = newest;
            return;
        }

        if (newest > Seq)
        {
            await CatchUpAsync(newest);
        }
        else
        {
            await RefreshPendingCandlesAsync();
        }
    }

    private async Task OnPushAsync(MintPush push)
    {
        if (!_watching)
        {
            return;
        }

        var fresh = push.Events.Where(e => e.Seq > Seq).ToList();
        if (fresh.Count > 0 && fresh[0].Seq > Seq + 1)
        {
            // A push was lost (a silo restarted between two batches): read the gap from the store first, with the
            // candles it touched.
            await SendFromStoreAsync(Seq + 1, fresh[0].Seq - 1);
        }

        if (_eventSubscribers > 0)
        {
            var group = _feeds.Hub.Clients.Group(EventsGroup);
            foreach (var stored in fresh)
            {
                await group.Event(new EventMessage(Mint, stored.Seq, PushJson.Event(stored.Event), Now()));
            }

            _feeds.Stats.Pushed(fresh.Count);
        }

        Seq = Math.Max(Seq, push.LastSeq);
        foreach (var update in push.Candles)
        {
            await StageCandleAsync(update.Interval, update.Candle);
        }

        await RefreshPendingCandlesAsync();
    }

    private Task CatchUpAsync(long newest) => SendFromStoreAsync(Seq + 1, newest);

    // Sends events from..to read from the store, then the candles they touched. When a read fails part-way, Seq holds
    // the last event sent and _refreshFrom the first whose candles are still due, so the next attempt goes on from
    // there: nothing twice, nothing skipped.
    private async Task SendFromStoreAsync(long from, long to)
    {
        _refreshFrom = Math.Min(_refreshFrom ?? from, from);
        await SendRangeAsync(from, to);
        await RefreshPendingCandlesAsync();
    }

    // Refreshes the candles a failed catch-up left due, if any; a live push with no gap does not bring them.
    private async Task RefreshPendingCandlesAsync()
    {
        if (_refreshFrom is { } from)
        {
            await RefreshCandlesAsync(from);
            _refreshFrom = null;
        }
    }

    // Sends the current state of every subscribed candle from the bucket of the earliest event from fromSeq on: the
    // candles that batches this gateway never received a push for have changed. The earliest by block time, not the
    // first by sequence: a backfilled event (a skipped notification) is numbered after newer ones and moves an older
    // candle.
    private async Task RefreshCandlesAsync(long fromSeq)
    {
        var subscribed = _candleSubscribers.Where(p => p.Value > 0).Select(p => p.Key).ToList();
        if (subscribed.Count == 0)
        {
            return;
        }

        long? earliest = null;
        await ReadAsync(fromSeq, Seq, e =>
        {
            earliest = Math.Min(earliest ?? long.MaxValue, e.Event.BlockTime);
            return Task.CompletedTask;
        });
        if (earliest is not { } blockTime)
        {
            return;
        }

        foreach (var interval in subscribed)
        {
            for (var page = 1; page <= MaxRefreshPages; page++)
            {
                var candles = await _grain.GetCandles(new CandleQuery(interval, page, ReadPage, false, interval.BucketOf(blockTime), null, false))
                    .WaitAsync(CallTimeout);
                foreach (var candle in candles.Candles)
                {
                    await StageCandleAsync(interval, candle);
                }

                if ((long)page * ReadPage >= candles.Total)
                {
                    break;
                }
            }
        }
    }

    private async Task SendRangeAsync(long from, long to)
    {
        if (_eventSubscribers > 0)
        {
            var group = _feeds.Hub.Clients.Group(EventsGroup);
            await ReadAsync(from, to, async e =>
            {
                await group.Event(new EventMessage(Mint, e.Seq, PushJson.Event(e.Event), Now()));
                _feeds.Stats.Pushed(1);
                Seq = Math.Max(Seq, e.Seq);
            });
        }

        Seq = Math.Max(Seq, to);
    }

    private async Task ReadAsync(long from, long to, Func<StoredEvent, Task> send)
    {
        while (from <= to)
        {
            var events = await _grain.GetEventRange(from, (int)Math.Min(ReadPage, to - from + 1)).WaitAsync(CallTimeout);
            if (events.Count == 0)
            {
                return;
            }

            foreach (var stored in events.Where(e => e.Seq <= to))
            {
                await send(stored);
            }

            from = events[^1].Seq + 1;
        }
    }

    private async Task StageCandleAsync(CandleInterval interval, Candle candle)
    {
        if (_candleSubscribers.GetValueOrDefault(interval) <= 0)
        {
            return;
        }

        if (!_pending.TryGetValue(interval, out var pending))
        {
            _pending[interval] = pending = [];
        }

        pending[candle.Time] = candle;
        var coalesce = _feeds.Options.CandleCoalesce;
        var wait = TimeSpan.FromTicks(_lastFlush.GetValueOrDefault(interval) + coalesce.Ticks - DateTime.UtcNow.Ticks);
        if (wait <= TimeSpan.Zero && !_flushScheduled.Contains(interval))
        {
            await FlushAsync(interval);
        }
        else if (_flushScheduled.Add(interval))
        {
            _ = Task.Delay(wait).ContinueWith(_ => _work.Writer.TryWrite(() =>
            {
                _flushScheduled.Remove(interval);
                return FlushAsync(interval);
            }), TaskScheduler.Default);
        }
    }

    private async Task FlushAsync(CandleInterval interval)
    {
        _lastFlush[interval] = DateTime.UtcNow.Ticks;
        if (!_pending.TryGetValue(interval, out var pending) || pending.Count == 0)
        {
            return;
        }

        var group = _feeds.Hub.Clients.Group(CandleGroup(Mint, interval));
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        foreach (var candle in pending.Values)
        {
            await group.Candle(new CandleMessage(Mint, interval.Name(), Seq, PushJson.Candle(candle, interval, now), Now()));
        }

        _feeds.Stats.CandlesPushed(pending.Count);
        pending.Clear();
    }

    private static long Now() => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

    [LoggerMessage(Level = LogLevel.Warning, Message = "The live feed of {Mint} failed a step")]
    private static partial void LogWarningFeedFailed(ILogger logger, Exception exception, string mint);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Watching {Mint} failed; retrying on the next renewal")]
    private static partial void LogWarningWatchFailed(ILogger logger, Exception exception, string mint);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Unwatching {Mint} failed; its lease will expire")]
    private static partial void LogDebugUnwatchFailed(ILogger logger, Exception exception, string mint);
}
