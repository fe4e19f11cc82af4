using System.Text.Json.Nodes;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Spin.Gateway.Tests.Infrastructure;

namespace Spin.Cluster.Tests.Failover;

/// <summary>SignalR subscribers of a few mints on one gateway across a disruption: a steady client subscribed from the
/// first event that stays connected throughout (arrival times kept per mint, to measure silences), and a client that
/// leaves before the disruption and comes back afterwards with <c>since</c>.</summary>
public sealed class PushWatch : IAsyncDisposable
{
    private readonly object _gate = new();
    private readonly Dictionary<string, List<DateTime>> _arrivals = [];
    private readonly ClusterGateway _gateway;
    private MarketClient? _leaving;
    private MarketClient? _back;
    private Dictionary<string, List<(long Seq, JsonObject Event)>> _leftWith = [];

    private PushWatch(ClusterGateway gateway, IReadOnlyList<string> mints, MarketClient steady)
    {
        _gateway = gateway;
        Mints = mints;
        Steady = steady;
        steady.Connection.On<JsonObject>("Event", message =>
        {
            lock (_gate)
            {
                var mint = message["mint"]!.GetValue<string>();
                if (!_arrivals.TryGetValue(mint, out var times))
                {
                    _arrivals[mint] = times = [];
                }

                times.Add(DateTime.UtcNow);
            }
        });
    }

    /// <summary>The watched mints.</summary>
    public IReadOnlyList<string> Mints { get; }

    /// <summary>The client that stays connected.</summary>
    public MarketClient Steady { get; }

    /// <summary>Connects both clients, subscribes them to every event of <paramref name="mints"/> and waits until pushes flow.</summary>
    public static async Task<PushWatch> StartAsync(ClusterGateway gateway, IReadOnlyList<string> mints, TimeSpan timeout)
    {
        var watch = new PushWatch(gateway, mints, await MarketClient.ConnectAsync(gateway.BaseAddress));
        try
        {
            watch._leaving = await MarketClient.ConnectAsync(gateway.BaseAddress);
            var deadline = DateTime.UtcNow + timeout;
            foreach (var mint in mints)
            {
                await SubscribeAsync(watch.Steady, mint, since: 0, deadline);
                await SubscribeAsync(watch._leaving, mint, since: 0, deadline);
            }

            await watch.Steady.WaitForAsync(c => mints.All(m => c.EventsOf(m).Count > 0), timeout, "pushes of every watched mint");
        }
        catch
        {
            await watch.DisposeAsync();
            throw;
        }

        return watch;
    }

    /// <summary>The leaving client disconnects, keeping what it received.</summary>
    public async Task LeaveAsync()
    {
        await _leaving!.DisposeAsync();
        _leftWith = Mints.ToDictionary(m => m, _leaving.EventsOf);
    }

    /// <summary>The leaving client comes back on a new connection and subscribes with <c>since</c> = the last sequence
    /// number it had of each mint.</summary>
    public async Task ResumeAsync()
    {
        _back = await MarketClient.ConnectAsync(_gateway.BaseAddress);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        foreach (var mint in Mints)
        {
            await SubscribeAsync(_back, mint, since: _leftWith[mint] is [.., var last] ? last.Seq : 0, deadline);
        }
    }

    // Subscribes as a client should: when the gateway answers that the mint cannot be reached right now, it tries again
    // until the deadline, from the last event it received, so that nothing arrives twice.
    private static async Task SubscribeAsync(MarketClient client, string mint, long since, DateTime deadline)
    {
        while (true)
        {
            try
            {
                await client.SubscribeEventsAsync(mint, since: client.EventsOf(mint) is [.., var last] ? last.Seq : since);
                return;
            }
            catch (HubException ex) when (ex.Message.Contains("try again", StringComparison.Ordinal) && DateTime.UtcNow < deadline)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(500));
            }
        }
    }

    /// <summary>The longest time any watched mint went without a push after <paramref name="from"/>: the gaps between
    /// its arrivals up to <paramref name="until"/> (the end of the stream), the first gap counted from
    /// <paramref name="from"/>, and the last one closed by the first arrival after <paramref name="until"/> if none came before.</summary>
    public (TimeSpan Silence, string Mint) LongestSilence(DateTime from, DateTime until)
    {
        lock (_gate)
        {
            var longest = (TimeSpan.Zero, Mints[0]);
            foreach (var mint in Mints)
            {
                var previous = from;
                foreach (var time in _arrivals.GetValueOrDefault(mint, []).Where(t => t >= from))
                {
                    longest = time - previous > longest.Item1 ? (time - previous, mint) : longest;
                    previous = time;
                    if (time > until)
                    {
                        break;
                    }
                }

                if (previous == from)
                {
                    // Nothing arrived since: silent all along.
                    longest = DateTime.UtcNow - from > longest.Item1 ? (DateTime.UtcNow - from, mint) : longest;
                }
            }

            return longest;
        }
    }

    /// <summary>Waits until both clients hold every event of the truth, then checks that each received exactly the
    /// truth: sequence numbers 1..n with no gap or duplicate (for the returning client: what it had plus what it got
    /// after <c>since</c>), and the same events.</summary>
    public async Task AssertExactAsync(IReadOnlyDictionary<string, List<JsonObject>> truth, TimeSpan timeout)
    {
        var back = _back ?? throw new InvalidOperationException("ResumeAsync was not called.");
        await Steady.WaitForAsync(c => Mints.All(m => c.EventsOf(m).Count >= truth[m].Count), timeout, "the steady client to receive the whole truth");
        await back.WaitForAsync(c => Mints.All(m => _leftWith[m].Count + c.EventsOf(m).Count >= truth[m].Count), timeout,
            "the returning client to receive the rest of the truth");
        Assert.True(Steady.Violations.Count == 0, $"steady client order violations: {string.Join("; ", Steady.Violations.Take(10))}");
        Assert.True(back.Violations.Count == 0, $"returning client order violations: {string.Join("; ", back.Violations.Take(10))}");
        foreach (var mint in Mints)
        {
            AssertSame($"steady client, {mint}", truth[mint], Steady.EventsOf(mint));
            AssertSame($"returning client, {mint}", truth[mint], [.. _leftWith[mint], .. back.EventsOf(mint)]);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await Steady.DisposeAsync();
        if (_leaving is not null)
        {
            await _leaving.DisposeAsync();
        }

        if (_back is not null)
        {
            await _back.DisposeAsync();
        }
    }

    private static void AssertSame(string who, List<JsonObject> truth, List<(long Seq, JsonObject Event)> received)
    {
        var seqs = received.Select(e => e.Seq).ToList();
        var duplicated = seqs.Count - seqs.Distinct().Count();
        var missing = Enumerable.Range(1, truth.Count).Select(i => (long)i).Except(seqs).ToList();
        Assert.True(duplicated == 0 && missing.Count == 0 && seqs.Count == truth.Count,
            $"{who}: {seqs.Count} pushes for {truth.Count} events of the truth; {missing.Count} missing (first {string.Join(",", missing.Take(5))}), " +
            $"{duplicated} duplicated");
        TruthAssert.SameEvents(who, truth, received.Select(e => e.Event).ToList());
    }
}
