using System.Text.Json;
using Spin.ChainSimulator.Tests.Infrastructure;

namespace Spin.ChainSimulator.Tests.PubSub;

public sealed class LogsSubscriptionTests
{
    private static readonly string[] Streaming = ["--seed", "4", "--mints", "8", "--rate", "400", "--slot-ms", "25"];

    [Fact]
    public async Task NotifiesEveryTransactionInChainOrderAfterItIsOnTheLedger()
    {
        await using var host = await SimulatorHost.StartAsync(Streaming);
        await using var client = await PubSubClient.ConnectAsync(host.PubSubUri);
        var subscription = await client.SubscribeLogsAsync(Chains.ProgramId);

        var notifications = new List<(ulong Slot, JsonElement Value)>();
        for (var i = 0; i < 60; i++)
        {
            var notification = (await client.NextLogsAsync(1))[0];
            var signature = notification.Value.GetProperty("signature").GetString();
            var fetched = await host.ResultAsync("getTransaction", $$"""["{{signature}}",{"maxSupportedTransactionVersion":0}]""");
            Assert.Equal(notification.Slot, fetched.GetProperty("slot").GetUInt64());
            notifications.Add(notification);
        }

        var ledger = host.Ledger.Snapshot();
        var positions = notifications.Select(n => ledger.FindIndex(t => t.Signature == n.Value.GetProperty("signature").GetString())).ToList();
        Assert.All(positions, p => Assert.True(p >= 0, "notified only once on the ledger"));
        Assert.Equal(Enumerable.Range(positions[0], positions.Count), positions);
        foreach (var (slot, value) in notifications)
        {
            var tx = ledger.Single(t => t.Signature == value.GetProperty("signature").GetString());
            Assert.Equal(tx.Slot, slot);
            Assert.Equal(tx.Error ?? "null", value.GetProperty("err").GetRawText());
            Assert.Equal(tx.Logs, value.GetProperty("logs").EnumerateArray().Select(l => l.GetString()));
        }

        Assert.True(subscription > 0);
    }

    [Fact]
    public async Task WritesNotificationsInTheValidatorsExactShape()
    {
        await using var host = await SimulatorHost.StartAsync(Streaming);
        await using var client = await PubSubClient.ConnectAsync(host.PubSubUri);
        var subscription = await client.SubscribeLogsAsync(Chains.ProgramId);

        var message = await NextNotificationAsync(client);

        var value = message.GetProperty("params").GetProperty("result").GetProperty("value");
        Assert.Equal(["jsonrpc", "method", "params"], message.EnumerateObject().Select(p => p.Name));
        Assert.Equal("logsNotification", message.GetProperty("method").GetString());
        Assert.Equal(["result", "subscription"], message.GetProperty("params").EnumerateObject().Select(p => p.Name));
        Assert.Equal(subscription, message.GetProperty("params").GetProperty("subscription").GetInt64());
        Assert.Equal(["context", "value"], message.GetProperty("params").GetProperty("result").EnumerateObject().Select(p => p.Name));
        Assert.Equal(["signature", "err", "logs"], value.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task UnsubscribesAndRejectsUnknownSubscriptionsAndBadFilters()
    {
        await using var host = await SimulatorHost.StartAsync(Streaming);
        await using var client = await PubSubClient.ConnectAsync(host.PubSubUri);
        var subscription = await client.SubscribeLogsAsync(Chains.ProgramId);

        var removed = await client.RequestAsync("logsUnsubscribe", $"[{subscription}]");
        var unknown = await client.RequestAsync("logsUnsubscribe", $"[{subscription}]");
        var twoAddresses = await client.RequestAsync("logsSubscribe", $$"""[{"mentions":["{{Chains.ProgramId}}","{{Chains.ProgramId}}"]}]""");
        var badAddress = await client.RequestAsync("logsSubscribe", """[{"mentions":["nope"]}]""");
        var unknownMethod = await client.RequestAsync("accountSubscribeTypo", "[]");

        Assert.True(removed.GetProperty("result").GetBoolean());
        Assert.Equal("Invalid subscription id.", unknown.GetProperty("error").GetProperty("message").GetString());
        Assert.Equal("Invalid Request: Only 1 address supported", twoAddresses.GetProperty("error").GetProperty("message").GetString());
        Assert.Equal("Invalid Request: Invalid mentions provided", badAddress.GetProperty("error").GetProperty("message").GetString());
        Assert.Equal(-32601, unknownMethod.GetProperty("error").GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task SubscribesToAllTransactionsAndToSlots()
    {
        await using var host = await SimulatorHost.StartAsync(Streaming);
        await using var client = await PubSubClient.ConnectAsync(host.PubSubUri);

        var all = await client.RequestAsync("logsSubscribe", """["all",{"commitment":"confirmed"}]""");
        var slots = await client.RequestAsync("slotSubscribe", "[]");

        var slotId = slots.GetProperty("result").GetInt64();
        Assert.True(all.GetProperty("result").GetInt64() > 0);
        await client.NextLogsAsync(5);
        while (true)
        {
            var message = await client.NextAsync();
            if (message.GetProperty("method").GetString() == "slotNotification")
            {
                var result = message.GetProperty("params").GetProperty("result");
                Assert.Equal(slotId, message.GetProperty("params").GetProperty("subscription").GetInt64());
                Assert.Equal(result.GetProperty("slot").GetUInt64() - 1, result.GetProperty("parent").GetUInt64());
                break;
            }
        }
    }

    private static async Task<JsonElement> NextNotificationAsync(PubSubClient client)
    {
        while (true)
        {
            var message = await client.NextAsync();
            if (message.TryGetProperty("method", out _))
            {
                return message;
            }
        }
    }
}
