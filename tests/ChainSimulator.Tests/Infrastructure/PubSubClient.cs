using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;

namespace Spin.ChainSimulator.Tests.Infrastructure;

/// <summary>A real WebSocket client of the PubSub port; every received message lands in a channel.</summary>
public sealed class PubSubClient : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);
    private readonly ClientWebSocket _socket = new();
    private readonly Channel<JsonElement> _received = Channel.CreateUnbounded<JsonElement>();
    private Task _reader = Task.CompletedTask;
    private int _nextId;

    /// <summary>Completes with the exception (or null) that ended the connection.</summary>
    public TaskCompletionSource<Exception?> Closed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Connects to <paramref name="uri"/>.</summary>
    public static async Task<PubSubClient> ConnectAsync(Uri uri)
    {
        var client = new PubSubClient();
        await client._socket.ConnectAsync(uri, CancellationToken.None);
        client._reader = client.ReadLoopAsync();
        return client;
    }

    /// <summary>Sends a request and returns the answer with the same id.</summary>
    public async Task<JsonElement> RequestAsync(string method, string parameters)
    {
        var id = Interlocked.Increment(ref _nextId);
        await SendRawAsync($$"""{"jsonrpc":"2.0","id":{{id}},"method":"{{method}}","params":{{parameters}}}""");
        while (true)
        {
            var message = await NextAsync();
            if (message.TryGetProperty("id", out var answerId) && answerId.ValueKind == JsonValueKind.Number && answerId.GetInt32() == id)
            {
                return message;
            }
        }
    }

    /// <summary>Sends a raw text frame.</summary>
    public Task SendRawAsync(string text) =>
        _socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, CancellationToken.None);

    /// <summary>Subscribes to the logs mentioning <paramref name="address"/>; returns the subscription id.</summary>
    public async Task<long> SubscribeLogsAsync(string address)
    {
        var answer = await RequestAsync("logsSubscribe", $$"""[{"mentions":["{{address}}"]},{"commitment":"confirmed"}]""");
        return answer.GetProperty("result").GetInt64();
    }

    /// <summary>The next message, waiting at most a few seconds.</summary>
    public async Task<JsonElement> NextAsync()
    {
        using var timeout = new CancellationTokenSource(Patience);
        return await _received.Reader.ReadAsync(timeout.Token);
    }

    /// <summary>The next <paramref name="count"/> logsNotification values (signature, err, logs) with their slots.</summary>
    public async Task<List<(ulong Slot, JsonElement Value)>> NextLogsAsync(int count)
    {
        var list = new List<(ulong, JsonElement)>();
        while (list.Count < count)
        {
            var message = await NextAsync();
            if (message.TryGetProperty("method", out var method) && method.GetString() == "logsNotification")
            {
                var result = message.GetProperty("params").GetProperty("result");
                list.Add((result.GetProperty("context").GetProperty("slot").GetUInt64(), result.GetProperty("value")));
            }
        }

        return list;
    }

    /// <summary>The logsNotification values up to and including the first one of slot <paramref name="slot"/> or later.</summary>
    public async Task<List<(ulong Slot, JsonElement Value)>> NextLogsThroughSlotAsync(ulong slot)
    {
        var list = new List<(ulong Slot, JsonElement Value)>();
        while (list.Count == 0 || list[^1].Slot < slot)
        {
            list.AddRange(await NextLogsAsync(1));
        }

        return list;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        _socket.Abort();
        await _reader;
        _socket.Dispose();
    }

    private async Task ReadLoopAsync()
    {
        var buffer = new byte[1 << 16];
        try
        {
            while (true)
            {
                using var message = new MemoryStream();
                WebSocketReceiveResult result;
                do
                {
                    result = await _socket.ReceiveAsync(buffer, CancellationToken.None);
                    message.Write(buffer, 0, result.Count);
                }
                while (!result.EndOfMessage);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    Closed.TrySetResult(null);
                    return;
                }

                _received.Writer.TryWrite(JsonDocument.Parse(message.ToArray()).RootElement);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException or OperationCanceledException)
        {
            Closed.TrySetResult(ex);
        }
    }
}
