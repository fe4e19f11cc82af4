using System.Buffers;
using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text.Json;
using System.Threading.Channels;
using Spin.ChainSimulator.Ledger;

namespace Spin.ChainSimulator.PubSub;

/// <summary>One PubSub WebSocket: reads subscribe/unsubscribe requests, writes responses and notifications from a
/// single writer loop, in order.</summary>
public sealed class PubSubConnection(WebSocket socket, PubSubHub hub)
{
    private readonly ConcurrentDictionary<long, string?> _subscriptions = new(); // id → mentioned address, null = all
    private readonly Channel<byte[]> _outgoing = Channel.CreateUnbounded<byte[]>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Aborts the connection without a close handshake.</summary>
    public void Abort() => socket.Abort();

    /// <summary>Queues a notification for each subscription whose filter matches the transaction.</summary>
    public void Notify(SimTransaction transaction)
    {
        foreach (var (id, mentions) in _subscriptions)
        {
            if (mentions is null || transaction.AccountKeys.Contains(mentions))
            {
                _outgoing.Writer.TryWrite(PubSubJson.LogsNotification(id, transaction));
            }
        }
    }

    /// <summary>Runs the reader and the writer until the socket closes.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var writer = WriteLoopAsync(cancellationToken);
        try
        {
            while (await ReadAsync(cancellationToken) is { } message)
            {
                _outgoing.Writer.TryWrite(Handle(message));
            }
        }
        catch (WebSocketException)
        {
            // The peer vanished or the connection was dropped on purpose; nothing to answer.
        }
        finally
        {
            _outgoing.Writer.TryComplete();
            await writer;
        }

        if (socket.State == WebSocketState.CloseReceived)
        {
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, cancellationToken);
        }
    }

    private byte[] Handle(byte[] message)
    {
        try
        {
            using var document = JsonDocument.Parse(message);
            var root = document.RootElement;
            var id = root.TryGetProperty("id", out var i) ? i.Clone() : default;
            var parameters = root.TryGetProperty("params", out var p) ? p : default;
            return root.GetProperty("method").GetString() switch
            {
                "logsSubscribe" => Subscribe(id, parameters),
                "logsUnsubscribe" => PubSubJson.Result(id, w => w.WriteBooleanValue(_subscriptions.TryRemove(parameters[0].GetInt64(), out _))),
                _ => PubSubJson.Error(id, -32601, "Method not found"),
            };
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or IndexOutOfRangeException)
        {
            return PubSubJson.Error(default, -32700, "Parse error");
        }
    }

    private byte[] Subscribe(JsonElement id, JsonElement parameters)
    {
        var filter = parameters[0];
        string? mentions;
        if (filter.ValueKind == JsonValueKind.String && filter.GetString() is "all" or "allWithVotes")
        {
            mentions = null;
        }
        else if (filter.ValueKind == JsonValueKind.Object && filter.TryGetProperty("mentions", out var m) && m.GetArrayLength() == 1)
        {
            mentions = m[0].GetString();
        }
        else
        {
            return PubSubJson.Error(id, -32602, "Invalid params: Invalid Request: Only 1 address supported");
        }

        var subscription = hub.NewSubscriptionId();
        _subscriptions[subscription] = mentions;
        return PubSubJson.Result(id, w => w.WriteNumberValue(subscription));
    }

    private async Task WriteLoopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var message in _outgoing.Reader.ReadAllAsync(cancellationToken))
            {
                await socket.SendAsync(message, WebSocketMessageType.Text, true, cancellationToken);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            socket.Abort();
        }
    }

    private async Task<byte[]?> ReadAsync(CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer.GetMemory(1024), cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            buffer.Advance(result.Count);
            if (result.EndOfMessage)
            {
                return buffer.WrittenSpan.ToArray();
            }
        }
    }
}
