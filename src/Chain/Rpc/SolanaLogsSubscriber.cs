using System.Buffers;
using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Spin.Chain.Rpc;

/// <summary>A logsSubscribe stream that never gives up: it reconnects with exponential backoff and jitter after
/// any disconnect or error, resubscribes, and tells the caller each time a subscription is (re)established so
/// that it can backfill the gap.</summary>
public sealed partial class SolanaLogsSubscriber(PubSubOptions options, ILogger<SolanaLogsSubscriber> logger)
{
    private long _reconnects;
    private long _nextId;
    private volatile bool _connected;

    /// <summary>Connections made after the first.</summary>
    public long Reconnects => Interlocked.Read(ref _reconnects);

    /// <summary>True while a subscription is established.</summary>
    public bool Connected => _connected;

    /// <summary>Runs until cancelled. <paramref name="onNotification"/> is called for each notification in arrival
    /// order; if it throws, the error is logged and handled as a disconnect (so the caller backfills again).
    /// On cancellation it sends logsUnsubscribe and closes the socket gracefully.</summary>
    public async Task RunAsync(string programId, string commitment, Func<LogsNotification, ValueTask> onNotification,
        Func<ValueTask> onSubscribed, CancellationToken cancellationToken)
    {
        var failures = 0;
        for (var connection = 0; !cancellationToken.IsCancellationRequested; connection++)
        {
            if (connection > 0)
            {
                Interlocked.Increment(ref _reconnects);
            }

            try
            {
                using var socket = new ClientWebSocket();
                socket.Options.KeepAliveInterval = options.KeepAlive;
                await socket.ConnectAsync(options.WsUrl, cancellationToken);
                var subscription = await SubscribeAsync(socket, programId, commitment, cancellationToken);
                _connected = true;
                failures = 0;
                LogInformationSubscribed(logger, Node, subscription);
                await onSubscribed();
                await ReceiveAsync(socket, subscription, onNotification, cancellationToken);
                LogWarningDisconnected(logger, Node, null);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogWarningDisconnected(logger, Node, ex);
            }
            finally
            {
                _connected = false;
            }

            failures++;
            try
            {
                await Task.Delay(Backoff.Delay(failures, options.InitialReconnectDelay, options.MaxReconnectDelay), cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private string Node => options.WsUrl.GetLeftPart(UriPartial.Authority);

    private async Task<long> SubscribeAsync(ClientWebSocket socket, string programId, string commitment, CancellationToken cancellationToken)
    {
        var id = Interlocked.Increment(ref _nextId);
        await SendAsync(socket, w =>
        {
            w.WriteStartObject();
            w.WriteString("jsonrpc", "2.0");
            w.WriteNumber("id", id);
            w.WriteString("method", "logsSubscribe");
            w.WriteStartArray("params");
            w.WriteStartObject();
            w.WriteStartArray("mentions");
            w.WriteStringValue(programId);
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteStartObject();
            w.WriteString("commitment", commitment);
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
        }, cancellationToken);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.SubscribeTimeout);
        while (true)
        {
            using var message = await ReadMessageAsync(socket, timeout.Token)
                ?? throw new WebSocketException("The node closed the connection before confirming the subscription.");
            var root = message.RootElement;
            if (root.TryGetProperty("id", out var responseId) && responseId.ValueKind == JsonValueKind.Number && responseId.GetInt64() == id)
            {
                return root.TryGetProperty("result", out var result) && result.ValueKind == JsonValueKind.Number ? result.GetInt64()
                    : throw new SolanaRpcException($"logsSubscribe refused: {root.GetRawText()}");
            }
        }
    }

    private async Task ReceiveAsync(ClientWebSocket socket, long subscription, Func<LogsNotification, ValueTask> onNotification,
        CancellationToken cancellationToken)
    {
        // Reads without the caller's token (cancelling a receive aborts the socket); cancellation instead
        // unsubscribes and closes, and the node's close frame ends this loop.
        using var registration = cancellationToken.Register(() => _ = UnsubscribeAndCloseAsync(socket, subscription));
        while (await ReadMessageAsync(socket, CancellationToken.None) is { } message)
        {
            using (message)
            {
                if (PubSubMessages.TryReadLogsNotification(message.RootElement, subscription, out var notification))
                {
                    await onNotification(notification);
                }
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
    }

    private async Task UnsubscribeAndCloseAsync(ClientWebSocket socket, long subscription)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        try
        {
            var id = Interlocked.Increment(ref _nextId);
            await SendAsync(socket, w => PubSubMessages.WriteUnsubscribe(w, id, subscription), timeout.Token);
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "unsubscribed", timeout.Token);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            LogDebugCloseFailed(logger, ex);
            socket.Abort();
        }
    }

    private static async Task SendAsync(ClientWebSocket socket, Action<Utf8JsonWriter> write, CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        await socket.SendAsync(buffer.WrittenMemory, WebSocketMessageType.Text, true, cancellationToken);
    }

    // One whole message (assembled across frames), or null when the node closed the connection.
    private static async Task<JsonDocument?> ReadMessageAsync(ClientWebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer.GetMemory(4096), cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            buffer.Advance(result.Count);
            if (result.EndOfMessage)
            {
                return JsonDocument.Parse(buffer.WrittenMemory);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Subscribed to program logs at {Node} (subscription {Subscription})")]
    private static partial void LogInformationSubscribed(ILogger logger, string node, long subscription);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Log subscription to {Node} ended; reconnecting")]
    private static partial void LogWarningDisconnected(ILogger logger, string node, Exception? exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Graceful close failed; aborted the socket")]
    private static partial void LogDebugCloseFailed(ILogger logger, Exception exception);
}
