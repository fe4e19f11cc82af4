using System.Buffers;
using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text.Json;
using System.Threading.Channels;
using Spin.ChainSimulator.Ledger;
using Spin.ChainSimulator.Rpc;

namespace Spin.ChainSimulator.PubSub;

/// <summary>One PubSub WebSocket: reads subscribe/unsubscribe requests and writes answers and notifications from a
/// single writer loop, in order. A subscription starts receiving only after its answer was queued.</summary>
public sealed class PubSubConnection(WebSocket socket, Func<long> newSubscriptionId)
{
    private readonly ConcurrentDictionary<long, Subscription> _subscriptions = new();
    private readonly Channel<byte[]> _outgoing = Channel.CreateUnbounded<byte[]>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Aborts the connection without a close handshake.</summary>
    public void Abort() => socket.Abort();

    /// <summary>Queues a notification for each logs subscription whose filter matches the transaction.</summary>
    public void Notify(SimTransaction transaction)
    {
        foreach (var subscription in _subscriptions.Values)
        {
            if (!subscription.Slots && (subscription.Mentions is null || transaction.AccountKeys.Contains(subscription.Mentions)))
            {
                _outgoing.Writer.TryWrite(PubSubJson.LogsNotification(subscription.Id, transaction));
            }
        }
    }

    /// <summary>Queues a notification for each slot subscription.</summary>
    public void NotifySlot(ulong slot)
    {
        foreach (var subscription in _subscriptions.Values.Where(s => s.Slots))
        {
            _outgoing.Writer.TryWrite(PubSubJson.SlotNotification(subscription.Id, slot));
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
                Handle(message);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            // The peer vanished, the server is stopping, or the connection was dropped on purpose: nothing to answer.
        }
        finally
        {
            _subscriptions.Clear();
            _outgoing.Writer.TryComplete();
            await writer;
        }

        if (socket.State == WebSocketState.CloseReceived)
        {
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
        }
    }

    private void Handle(byte[] message)
    {
        JsonElement id = default;
        try
        {
            using var document = JsonDocument.Parse(message);
            var root = document.RootElement;
            id = root.TryGetProperty("id", out var i) ? i.Clone() : default;
            var parameters = root.TryGetProperty("params", out var p) ? p : default;
            var method = root.TryGetProperty("method", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
            var subscription = method switch
            {
                "logsSubscribe" => PubSubRequests.Logs(parameters, newSubscriptionId),
                "slotSubscribe" => new Subscription(newSubscriptionId(), true, null),
                "logsUnsubscribe" or "slotUnsubscribe" => Unsubscribe(id, parameters),
                null => throw new RpcError(-32600, "Invalid request"),
                _ => throw new RpcError(-32601, "Method not found"),
            };
            if (subscription is not null)
            {
                _outgoing.Writer.TryWrite(RpcJson.Result(id, w => w.WriteNumberValue(subscription.Id)));
                _subscriptions[subscription.Id] = subscription;
            }
        }
        catch (JsonException)
        {
            _outgoing.Writer.TryWrite(RpcJson.Error(default, -32700, "Parse error"));
        }
        catch (RpcError error)
        {
            _outgoing.Writer.TryWrite(RpcJson.Error(id, error.Code, error.Message));
        }
    }

    private Subscription? Unsubscribe(JsonElement id, JsonElement parameters)
    {
        var subscriptionId = RpcParams.RequiredU64(parameters, 0);
        if (!_subscriptions.TryRemove((long)subscriptionId, out _))
        {
            throw RpcError.InvalidParam("Invalid subscription id.");
        }

        _outgoing.Writer.TryWrite(RpcJson.Result(id, w => w.WriteBooleanValue(true)));
        return null;
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
