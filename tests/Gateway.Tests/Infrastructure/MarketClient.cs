using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Spin.Gateway.Tests.Infrastructure;

/// <summary>A real .NET SignalR client of <c>/hubs/market</c> that records everything it receives, checks per-mint
/// sequence order as messages arrive, and lets a test await a condition on what it has received.</summary>
public sealed class MarketClient : IAsyncDisposable
{
    private readonly object _gate = new();
    private readonly List<(Func<bool> Condition, TaskCompletionSource Done)> _waiters = [];
    private readonly Dictionary<string, long> _lastSeq = [];

    private MarketClient(HubConnection connection)
    {
        Connection = connection;
        connection.On<JsonObject>("Event", OnEvent);
        connection.On<JsonObject>("Candle", OnCandle);
        connection.On<JsonObject>("CandleHistory", OnCandleHistory);
    }

    /// <summary>The underlying connection.</summary>
    public HubConnection Connection { get; }

    /// <summary>Events received, per mint, in arrival order, with their sequence numbers.</summary>
    public Dictionary<string, List<(long Seq, JsonObject Event)>> Events { get; } = [];

    /// <summary>The newest state of every candle received, per (mint, interval), by bucket time.</summary>
    public Dictionary<(string Mint, string Interval), SortedDictionary<long, JsonObject>> Candles { get; } = [];

    /// <summary>Order violations seen (an event not exactly one after the previous, a candle older than an event).</summary>
    public List<string> Violations { get; } = [];

    /// <summary>Connects to the hub of a gateway at <paramref name="baseAddress"/>.</summary>
    public static async Task<MarketClient> ConnectAsync(Uri baseAddress)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(baseAddress, "hubs/market"))
            .AddJsonProtocol(json => json.PayloadSerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower)
            .Build();
        var client = new MarketClient(connection);
        await connection.StartAsync();
        return client;
    }

    /// <summary>Subscribes to a mint's events, from after <paramref name="since"/>.</summary>
    public Task<JsonObject> SubscribeEventsAsync(string mint, long? since, int? history = null) =>
        Connection.InvokeAsync<JsonObject>("SubscribeEvents", new { mint, since, history });

    /// <summary>Subscribes to a mint's candles of one interval.</summary>
    public Task<JsonObject> SubscribeCandlesAsync(string mint, string interval, int? history = null) =>
        Connection.InvokeAsync<JsonObject>("SubscribeCandles", new { mint, interval, history });

    /// <summary>Events received for a mint.</summary>
    public List<(long Seq, JsonObject Event)> EventsOf(string mint)
    {
        lock (_gate)
        {
            return Events.TryGetValue(mint, out var list) ? [.. list] : [];
        }
    }

    /// <summary>Completes when <paramref name="condition"/> holds over what was received (checked on every message).</summary>
    public async Task WaitForAsync(Func<MarketClient, bool> condition, TimeSpan timeout, string what)
    {
        TaskCompletionSource done = new(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (condition(this))
            {
                return;
            }

            _waiters.Add((() => condition(this), done));
        }

        try
        {
            await done.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            lock (_gate)
            {
                throw new TimeoutException($"Timed out after {timeout} waiting for {what}; received {string.Join(", ", Events.Select(e => $"{e.Key}: {e.Value.Count}"))}");
            }
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => Connection.DisposeAsync();

    private void OnEvent(JsonObject message)
    {
        lock (_gate)
        {
            var mint = message["mint"]!.GetValue<string>();
            var seq = message["seq"]!.GetValue<long>();
            if (!Events.TryGetValue(mint, out var list))
            {
                Events[mint] = list = [];
            }

            if (list.Count > 0 && seq != list[^1].Seq + 1)
            {
                Violations.Add($"{mint}: event {seq} after {list[^1].Seq}");
            }

            list.Add((seq, message["event"]!.AsObject()));
            _lastSeq[mint] = seq;
            Signal();
        }
    }

    private void OnCandle(JsonObject message)
    {
        lock (_gate)
        {
            var mint = message["mint"]!.GetValue<string>();
            Store(mint, message["interval"]!.GetValue<string>(), [message["candle"]!.AsObject()]);
            Signal();
        }
    }

    private void OnCandleHistory(JsonObject message)
    {
        lock (_gate)
        {
            Store(message["mint"]!.GetValue<string>(), message["interval"]!.GetValue<string>(), message["candles"]!.AsArray().Select(c => c!.AsObject()));
            Signal();
        }
    }

    private void Store(string mint, string interval, IEnumerable<JsonObject> candles)
    {
        if (!Candles.TryGetValue((mint, interval), out var byTime))
        {
            Candles[(mint, interval)] = byTime = [];
        }

        foreach (var candle in candles)
        {
            byTime[candle["time"]!.GetValue<long>()] = candle;
        }
    }

    private void Signal()
    {
        foreach (var waiter in _waiters.ToList())
        {
            if (waiter.Condition())
            {
                _waiters.Remove(waiter);
                waiter.Done.TrySetResult();
            }
        }
    }
}
