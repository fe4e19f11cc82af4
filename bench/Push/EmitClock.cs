using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;

namespace Spin.Bench.Push;

/// <summary>When the simulator emitted each transaction: the bench's own <c>logsSubscribe</c> on the simulator's PubSub,
/// timestamped as each notification arrives (on the same machine, within microseconds of emission). With a forward
/// step, each notification is also handed on (the baseline's publisher) in arrival order.</summary>
public sealed class EmitClock : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Emission> _bySignature = new(StringComparer.Ordinal);
    private readonly List<Emission> _all = [];
    private readonly TaskCompletionSource _subscribed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Channel<Emission> _forwarding = Channel.CreateUnbounded<Emission>(new UnboundedChannelOptions { SingleReader = true });
    private readonly WebSocket _socket;
    private readonly Thread _reader;
    private readonly Task _forwarder;
    private readonly bool _forwards;
    private volatile bool _stopping;

    private EmitClock(WebSocket socket, Func<Emission, Task>? forward)
    {
        _socket = socket;
        _reader = new Thread(ReadLoop) { IsBackground = true, Name = "emit clock", Priority = ThreadPriority.AboveNormal };
        _forwards = forward is not null;
        _forwarder = forward is null ? Task.CompletedTask : ForwardLoopAsync(forward);
    }

    /// <summary>Why the listener stopped before it was disposed, if it did.</summary>
    public Exception? Failure { get; private set; }

    /// <summary>Subscribes to the program's logs and returns once the subscription is confirmed. Notifications are read
    /// on a dedicated thread with blocking socket reads, so the thread pool's load never delays their timestamps; the
    /// forward step runs on the thread pool, in order.</summary>
    public static async Task<EmitClock> StartAsync(string wsUrl, string programId, Func<Emission, Task>? forward = null)
    {
        var clock = new EmitClock(BlockingWebSocket.Connect(new Uri(wsUrl)), forward);
        var request = $$"""{"jsonrpc":"2.0","id":1,"method":"logsSubscribe","params":[{"mentions":["{{programId}}"]},{"commitment":"confirmed"}]}""";
        await clock._socket.SendAsync(Encoding.UTF8.GetBytes(request), WebSocketMessageType.Text, true, CancellationToken.None);
        clock._reader.Start();
        await clock._subscribed.Task.WaitAsync(TimeSpan.FromSeconds(30));
        return clock;
    }

    /// <summary>The slot of the newest emission seen.</summary>
    public ulong LastSlot
    {
        get
        {
            lock (_all)
            {
                return _all.Count > 0 ? _all[^1].Slot : 0;
            }
        }
    }

    /// <summary>The emission of a signature, if it was seen.</summary>
    public Emission? Find(string signature) => _bySignature.GetValueOrDefault(signature);

    /// <summary>Emissions seen in [<paramref name="from"/>, <paramref name="to"/>) (Stopwatch ticks).</summary>
    public List<Emission> Between(long from, long to)
    {
        lock (_all)
        {
            return _all.Where(e => e.Ticks >= from && e.Ticks < to).ToList();
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        _stopping = true;
        _socket.Abort();
        _reader.Join();
        _forwarding.Writer.TryComplete();
        await _forwarder;
        _socket.Dispose();
    }

    private void ReadLoop()
    {
        var buffer = new ArrayBufferWriter<byte>(16 * 1024);
        try
        {
            while (true)
            {
                buffer.ResetWrittenCount();
                ValueWebSocketReceiveResult result;
                do
                {
                    // Completes synchronously: the stream under the socket blocks this thread until bytes arrive.
                    result = _socket.ReceiveAsync(buffer.GetMemory(8 * 1024), CancellationToken.None).AsTask().GetAwaiter().GetResult();
                    buffer.Advance(result.Count);
                }
                while (!result.EndOfMessage && result.MessageType != WebSocketMessageType.Close);

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    throw new WebSocketException("the simulator closed the PubSub connection");
                }

                if (Handle(buffer.WrittenMemory, Stopwatch.GetTimestamp()) is { } emission && _forwards)
                {
                    _forwarding.Writer.TryWrite(emission);
                }
            }
        }
        catch (Exception) when (_stopping)
        {
            // Disposed: the socket was aborted on purpose.
        }
        catch (Exception ex)
        {
            Failure = ex;
            _subscribed.TrySetException(ex);
        }
    }

    private async Task ForwardLoopAsync(Func<Emission, Task> forward)
    {
        await foreach (var emission in _forwarding.Reader.ReadAllAsync())
        {
            await forward(emission);
        }
    }

    private Emission? Handle(ReadOnlyMemory<byte> message, long ticks)
    {
        using var document = JsonDocument.Parse(message);
        var root = document.RootElement;
        if (!root.TryGetProperty("method", out var method))
        {
            _ = root.TryGetProperty("result", out _) ? _subscribed.TrySetResult() : _subscribed.TrySetException(new InvalidOperationException(root.GetRawText()));
            return null;
        }

        if (method.GetString() != "logsNotification")
        {
            return null;
        }

        var result = root.GetProperty("params").GetProperty("result");
        var value = result.GetProperty("value");
        var emission = new Emission(value.GetProperty("signature").GetString()!, result.GetProperty("context").GetProperty("slot").GetUInt64(),
            value.GetProperty("err").ValueKind != JsonValueKind.Null, ticks);
        if (!_bySignature.TryAdd(emission.Signature, emission))
        {
            return null;
        }

        lock (_all)
        {
            _all.Add(emission);
        }

        return emission;
    }
}
