using System.Net.WebSockets;
using System.Text;
using System.Threading.Channels;
using Microsoft.Extensions.Logging.Abstractions;
using Spin.Chain.Rpc;

namespace Spin.Chain.Tests.Rpc;

public sealed class SolanaLogsSubscriberTests : IAsyncLifetime
{
    private const string Program = "JBMmrp6jhksqnxDBskkmVvWHhJLaPBjgiMHEroJbUTBZ";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private ScriptedNode _node = null!;
    private SolanaLogsSubscriber _subscriber = null!;
    private readonly Channel<LogsNotification> _notifications = Channel.CreateUnbounded<LogsNotification>();
    private readonly Channel<int> _subscribed = Channel.CreateUnbounded<int>();
    private readonly CancellationTokenSource _stop = new();
    private int _subscriptions;

    public async Task InitializeAsync()
    {
        _node = await ScriptedNode.StartAsync();
        _subscriber = new SolanaLogsSubscriber(
            new PubSubOptions { WsUrl = _node.WsUrl, InitialReconnectDelay = TimeSpan.FromMilliseconds(10), MaxReconnectDelay = TimeSpan.FromMilliseconds(50) },
            NullLogger<SolanaLogsSubscriber>.Instance);
    }

    public async Task DisposeAsync()
    {
        await _stop.CancelAsync();
        await _node.DisposeAsync();
    }

    [Fact]
    public async Task DeliversNotificationsInOrderAndResubscribesAfterTheNodeDropsTheConnection()
    {
        var connection = 0;
        _node.Socket = async socket =>
        {
            var number = Interlocked.Increment(ref connection);
            var id = await AcknowledgeSubscriptionAsync(socket, 40 + number);
            await ScriptedNode.SendAsync(socket, Notification(99, "other-subscription"));
            await ScriptedNode.SendAsync(socket, Notification(40 + number, $"c{number}-first"));
            await SendInTwoFramesAsync(socket, Notification(40 + number, $"c{number}-second"));
            if (number > 1)
            {
                await ScriptedNode.ReceiveAsync(socket); // keep the second connection open until the client leaves
            }
        };

        var run = Run();

        Assert.Equal(1, await Next(_subscribed));
        Assert.Equal("c1-first", (await Next(_notifications)).Signature);
        Assert.Equal("c1-second", (await Next(_notifications)).Signature);
        Assert.Equal(2, await Next(_subscribed));
        var afterReconnect = await Next(_notifications);
        Assert.Equal(("c2-first", 12UL, false), (afterReconnect.Signature, afterReconnect.Slot, afterReconnect.Failed));
        Assert.Equal(["Program data: AQ=="], afterReconnect.Logs);
        Assert.Equal(1, _subscriber.Reconnects);
        await _stop.CancelAsync();
        await run.WaitAsync(Patience);
    }

    [Fact]
    public async Task KeepsRetryingWhileTheNodeRefusesConnections()
    {
        var refusals = 0;
        _node.AcceptSocket = () => Interlocked.Increment(ref refusals) > 5;
        _node.Socket = async socket =>
        {
            await AcknowledgeSubscriptionAsync(socket, 1);
            await ScriptedNode.ReceiveAsync(socket);
        };

        var run = Run();

        Assert.Equal(1, await Next(_subscribed));
        Assert.True(refusals > 5);
        Assert.True(_subscriber.Connected);
        await _stop.CancelAsync();
        await run.WaitAsync(Patience);
    }

    [Fact]
    public async Task UnsubscribesAndClosesWhenCancelled()
    {
        var unsubscribe = new TaskCompletionSource<string>();
        _node.Socket = async socket =>
        {
            await AcknowledgeSubscriptionAsync(socket, 5);
            using var message = await ScriptedNode.ReceiveAsync(socket);
            unsubscribe.TrySetResult(message!.RootElement.GetRawText());
            await ScriptedNode.ReceiveAsync(socket);
        };
        var run = Run();
        await Next(_subscribed);

        await _stop.CancelAsync();

        Assert.Contains("\"method\":\"logsUnsubscribe\",\"params\":[5]", await unsubscribe.Task.WaitAsync(Patience));
        await run.WaitAsync(Patience);
    }

    private Task Run() => _subscriber.RunAsync(Program, "confirmed",
        n => _notifications.Writer.WriteAsync(n),
        () => _subscribed.Writer.WriteAsync(Interlocked.Increment(ref _subscriptions)),
        _stop.Token);

    private static async Task<T> Next<T>(Channel<T> channel) => await channel.Reader.ReadAsync().AsTask().WaitAsync(Patience);

    private static async Task<long> AcknowledgeSubscriptionAsync(WebSocket socket, long subscription)
    {
        using var request = await ScriptedNode.ReceiveAsync(socket);
        var root = request!.RootElement;
        Assert.Equal("logsSubscribe", root.GetProperty("method").GetString());
        Assert.Equal($$"""[{"mentions":["{{Program}}"]},{"commitment":"confirmed"}]""", root.GetProperty("params").GetRawText());
        var id = root.GetProperty("id").GetInt64();
        await ScriptedNode.SendAsync(socket, $$"""{"jsonrpc":"2.0","result":{{subscription}},"id":{{id}}}""");
        return id;
    }

    private static string Notification(long subscription, string signature) =>
        """{"jsonrpc":"2.0","method":"logsNotification","params":{"result":{"context":{"slot":12},"value":{"signature":"SIG","err":null,"logs":["Program data: AQ=="]}},"subscription":SUB}}"""
            .Replace("SIG", signature).Replace("SUB", subscription.ToString());

    private static async Task SendInTwoFramesAsync(WebSocket socket, string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        await socket.SendAsync(bytes.AsMemory(0, 10), WebSocketMessageType.Text, false, CancellationToken.None);
        await socket.SendAsync(bytes.AsMemory(10), WebSocketMessageType.Text, true, CancellationToken.None);
    }
}
