using System.Text.Json;
using Spin.ChainSimulator.Tests.Infrastructure;

namespace Spin.ChainSimulator.Tests.PubSub;

public sealed class FaultInjectionTests
{
    private static readonly string[] Streaming = ["--seed", "5", "--mints", "8", "--rate", "400", "--slot-ms", "25"];

    [Fact]
    public async Task SkipsTheRequestedNumberOfNotificationsWhileTheTransactionsStayOnTheLedger()
    {
        await using var host = await SimulatorHost.StartAsync(Streaming);
        await using var client = await PubSubClient.ConnectAsync(host.PubSubUri);
        await client.SubscribeLogsAsync(Chains.ProgramId);
        var before = Positions(host, await client.NextLogsAsync(3));

        (await host.Http.PostAsync("control/skip?count=4", null)).EnsureSuccessStatusCode();
        var after = Positions(host, await client.NextLogsThroughSlotAsync(host.Ledger.Slot + 5));

        var missing = Enumerable.Range(before[^1] + 1, after[^1] - before[^1]).Except(after).ToList();
        Assert.Equal(4, missing.Count);
        Assert.Equal(after.Distinct(), after);
        foreach (var position in missing)
        {
            var signature = host.Ledger.Snapshot()[position].Signature;
            var tx = await host.ResultAsync("getTransaction", $$"""["{{signature}}",{"maxSupportedTransactionVersion":0}]""");
            Assert.Equal(JsonValueKind.Object, tx.ValueKind);
        }

        Assert.Equal(4, (await host.GetJsonAsync("control/status")).GetProperty("skipped").GetInt64());
    }

    [Fact]
    public async Task SendsTheRequestedNumberOfNotificationsTwice()
    {
        await using var host = await SimulatorHost.StartAsync(Streaming);
        await using var client = await PubSubClient.ConnectAsync(host.PubSubUri);
        await client.SubscribeLogsAsync(Chains.ProgramId);
        var before = Positions(host, await client.NextLogsAsync(3));

        (await host.Http.PostAsync("control/duplicate?count=3", null)).EnsureSuccessStatusCode();
        var after = Positions(host, await client.NextLogsThroughSlotAsync(host.Ledger.Slot + 5));

        Assert.Equal(3, after.Count - after.Distinct().Count());
        Assert.Equal(Enumerable.Range(before[^1] + 1, after.Distinct().Count()), after.Distinct());
        Assert.Equal(3, (await host.GetJsonAsync("control/status")).GetProperty("duplicated").GetInt64());
    }

    [Fact]
    public async Task DropsEveryConnectionOnRequestAndAcceptsNewOnes()
    {
        await using var host = await SimulatorHost.StartAsync(Streaming);
        await using var first = await PubSubClient.ConnectAsync(host.PubSubUri);
        await first.SubscribeLogsAsync(Chains.ProgramId);
        await first.NextLogsAsync(1);

        (await host.Http.PostAsync("control/drop", null)).EnsureSuccessStatusCode();

        await first.Closed.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await using var second = await PubSubClient.ConnectAsync(host.PubSubUri);
        await second.SubscribeLogsAsync(Chains.ProgramId);
        Assert.Single(await second.NextLogsAsync(1));
        Assert.Equal(1, (await host.GetJsonAsync("control/status")).GetProperty("drops").GetInt64());
    }

    [Fact]
    public async Task DropsConnectionsPeriodicallyWhenAskedOnTheCommandLine()
    {
        await using var host = await SimulatorHost.StartAsync([.. Streaming, "--drop-every-ms", "300"]);
        await using var client = await PubSubClient.ConnectAsync(host.PubSubUri);
        await client.SubscribeLogsAsync(Chains.ProgramId);

        await client.Closed.Task.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True((await host.GetJsonAsync("control/status")).GetProperty("drops").GetInt64() >= 1);
    }

    [Fact]
    public async Task ReportsDoneAndWritesTheTruthFileOnceTheRequestedLiveTransactionsAreProduced()
    {
        var truthFile = Path.Combine(Path.GetTempPath(), $"sim-truth-{Guid.NewGuid():N}.json");
        await using var host = await SimulatorHost.StartAsync(
            "--seed", "6", "--transactions", "30", "--rate", "1000", "--slot-ms", "10", "--prefill", "16", "--truth-file", truthFile);
        await using var client = await PubSubClient.ConnectAsync(host.PubSubUri);
        await client.SubscribeLogsAsync(Chains.ProgramId);

        await host.Producer.Finished.WaitAsync(TimeSpan.FromSeconds(20));

        var status = await host.GetJsonAsync("control/status");
        Assert.True(status.GetProperty("done").GetBoolean());
        Assert.Equal(30, status.GetProperty("produced").GetInt64());
        Assert.Equal(30, status.GetProperty("target").GetInt64());
        Assert.Equal(46, status.GetProperty("transactions").GetInt64());
        Assert.Equal(host.Ledger.Events, status.GetProperty("events").GetInt64());
        Assert.Equal(host.Ledger.Slot, status.GetProperty("slot").GetUInt64());
        Assert.Equal(1, status.GetProperty("connections").GetInt32());
        Assert.Equal(await host.Http.GetStringAsync("truth"), await File.ReadAllTextAsync(truthFile));
        File.Delete(truthFile);
    }

    [Fact]
    public async Task StartsHeldWhenAskedAndProducesEveryRequestedTransactionOnceResumed()
    {
        await using var host = await SimulatorHost.StartAsync("--seed", "7", "--transactions", "40", "--rate", "1000", "--slot-ms", "10",
            "--prefill", "16", "--start-paused", "true");

        var held = await host.GetJsonAsync("control/status");
        Assert.True(held.GetProperty("paused").GetBoolean());
        Assert.Equal(0, held.GetProperty("produced").GetInt64());
        Assert.Equal(16, held.GetProperty("transactions").GetInt64());

        (await host.Http.PostAsync("control/resume", null)).EnsureSuccessStatusCode();
        await host.Producer.Finished.WaitAsync(TimeSpan.FromSeconds(20));

        var status = await host.GetJsonAsync("control/status");
        Assert.False(status.GetProperty("paused").GetBoolean());
        Assert.Equal(40, status.GetProperty("produced").GetInt64());
        Assert.Equal(56, status.GetProperty("transactions").GetInt64());
    }

    [Fact]
    public async Task APausedStreamProducesNothingUntilResumedAndThenGoesOnWithoutAGap()
    {
        await using var host = await SimulatorHost.StartAsync(Streaming);
        await using var client = await PubSubClient.ConnectAsync(host.PubSubUri);
        await client.SubscribeLogsAsync(Chains.ProgramId);
        var before = Positions(host, await client.NextLogsAsync(3));

        using var pause = await host.Http.PostAsync("control/pause", null);
        pause.EnsureSuccessStatusCode();
        var heldAt = host.Ledger.Count;
        var paused = await host.GetJsonAsync("control/status");
        (await host.Http.PostAsync("control/resume", null)).EnsureSuccessStatusCode();
        var after = Positions(host, await client.NextLogsThroughSlotAsync(host.Ledger.Slot + 5));

        Assert.True(paused.GetProperty("paused").GetBoolean());
        Assert.Equal(heldAt, paused.GetProperty("transactions").GetInt64());
        var all = before.Concat(after).ToList();
        Assert.Equal(Enumerable.Range(before[0], all.Count), all);
        Assert.Contains(after, p => p >= heldAt);
    }

    private static List<int> Positions(SimulatorHost host, List<(ulong Slot, JsonElement Value)> notifications)
    {
        var index = host.Ledger.Snapshot().Select((t, i) => (t.Signature, i)).ToDictionary(p => p.Signature, p => p.i);
        return notifications.Select(n => index[n.Value.GetProperty("signature").GetString()!]).ToList();
    }
}
