using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Spin.Bench.Push;

/// <summary>One connected SignalR client (WebSockets, no negotiation) subscribed to a few mints, recording every
/// <c>Event</c> it receives with the time its handler saw it.</summary>
public sealed class BenchClient : IAsyncDisposable
{
    private readonly HubConnection _connection;
    private readonly EmitClock _emits;
    private readonly MessageBook? _recorder;
    private readonly List<Receipt> _receipts = new(4096);
    private readonly long[] _lastEmitted;
    private volatile bool _frozen;

    /// <summary>Creates the connection; <paramref name="recorder"/> keeps the messages of the mints this client is the
    /// first subscriber of (<paramref name="records"/>), for the baseline to replay.</summary>
    public BenchClient(Uri hub, IReadOnlyList<string> mints, EmitClock emits, MessageBook? recorder, IReadOnlySet<string> records)
    {
        Mints = mints;
        _emits = emits;
        _recorder = records.Count > 0 ? recorder : null;
        Records = records;
        _lastEmitted = new long[mints.Count];
        _connection = new HubConnectionBuilder()
            .WithUrl(hub, HttpTransportType.WebSockets, o => o.SkipNegotiation = true)
            .AddJsonProtocol(json => json.PayloadSerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower)
            .Build();
        _connection.On<PushedEvent>("Event", OnEvent);
    }

    /// <summary>The mints this client subscribes to.</summary>
    public IReadOnlyList<string> Mints { get; }

    /// <summary>The mints whose messages this client records.</summary>
    public IReadOnlySet<string> Records { get; }

    /// <summary>Per mint, the sequence number the subscription answered (live events follow it); null without one.</summary>
    public long?[] Acks { get; private set; } = [];

    /// <summary>Connects.</summary>
    public Task StartAsync() => _connection.StartAsync();

    /// <summary>Subscribes to every mint with <paramref name="subscribe"/>, one after the other, keeping the answers.</summary>
    public async Task SubscribeAsync(Func<HubConnection, string, Task<long?>> subscribe)
    {
        var acks = new long?[Mints.Count];
        for (var i = 0; i < Mints.Count; i++)
        {
            acks[i] = await subscribe(_connection, Mints[i]);
        }

        Acks = acks;
    }

    /// <summary>True when, for every mint, an event emitted at or after <paramref name="ticks"/> has arrived: what
    /// was emitted before it has then arrived too, or never will in order.</summary>
    public bool HasReceivedPast(long ticks)
    {
        lock (_receipts)
        {
            return _lastEmitted.All(t => t >= ticks);
        }
    }

    /// <summary>Stops recording: what was received so far is what gets checked.</summary>
    public void Freeze() => _frozen = true;

    /// <summary>A copy of the receipts, in arrival order.</summary>
    public List<Receipt> Receipts()
    {
        lock (_receipts)
        {
            return [.. _receipts];
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _connection.DisposeAsync();

    private void OnEvent(PushedEvent message)
    {
        var now = Stopwatch.GetTimestamp();
        if (_frozen)
        {
            return;
        }

        var slot = IndexOf(message.Mint);
        var signature = message.Event.TryGetProperty("signature", out var s) ? s.GetString() ?? "" : "";
        var emission = _emits.Find(signature);
        lock (_receipts)
        {
            _receipts.Add(new Receipt(slot, message.Seq, emission, emission is null ? signature : null, now, message.SentAt));
            if (slot >= 0 && emission is not null)
            {
                _lastEmitted[slot] = Math.Max(_lastEmitted[slot], emission.Ticks);
            }
        }

        if (_recorder is not null && Records.Contains(message.Mint))
        {
            _recorder.Record(message, signature);
        }
    }

    private int IndexOf(string mint)
    {
        for (var i = 0; i < Mints.Count; i++)
        {
            if (string.Equals(Mints[i], mint, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
