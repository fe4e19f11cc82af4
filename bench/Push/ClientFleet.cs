using System.Diagnostics;
using Microsoft.AspNetCore.SignalR.Client;

namespace Spin.Bench.Push;

/// <summary>The connected clients of one run, all in this process: client i subscribes to mints i·k … i·k+k−1
/// (modulo the mint count), so the mints are spread evenly over the clients.</summary>
public sealed class ClientFleet : IAsyncDisposable
{
    private const int ConnectConcurrency = 32;

    private ClientFleet(List<BenchClient> clients) => Clients = clients;

    /// <summary>How long connecting and subscribing every client took.</summary>
    public TimeSpan SubscribeTime { get; private set; }

    /// <summary>The clients.</summary>
    public IReadOnlyList<BenchClient> Clients { get; }

    /// <summary>Connects <paramref name="count"/> clients and subscribes each to its mints.</summary>
    public static async Task<ClientFleet> ConnectAsync(Uri hub, int count, IReadOnlyList<string> mints, int perClient, EmitClock emits,
        MessageBook? recorder, Func<HubConnection, string, Task<long?>> subscribe)
    {
        var recorded = new HashSet<string>(StringComparer.Ordinal);
        var clients = new List<BenchClient>(count);
        for (var i = 0; i < count; i++)
        {
            var own = Enumerable.Range(i * perClient, perClient).Select(m => mints[m % mints.Count]).Distinct().ToList();
            var records = own.Where(recorded.Add).ToHashSet(StringComparer.Ordinal);
            clients.Add(new BenchClient(hub, own, emits, recorder, records));
        }

        var fleet = new ClientFleet(clients);
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(clients, new ParallelOptions { MaxDegreeOfParallelism = ConnectConcurrency }, async (client, _) =>
        {
            await client.StartAsync();
            await client.SubscribeAsync(subscribe);
        });
        fleet.SubscribeTime = clock.Elapsed;
        Console.WriteLine($"  {count:N0} clients connected and subscribed in {clock.Elapsed.TotalSeconds:F1} s");
        return fleet;
    }

    /// <summary>Waits until every client has received, for each of its mints, an event emitted at or after
    /// <paramref name="ticks"/>, or the timeout passes; returns whether they all did.</summary>
    public async Task<bool> DrainAsync(long ticks, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            if (Clients.All(c => c.HasReceivedPast(ticks)))
            {
                return true;
            }

            await Task.Delay(100);
        }

        return false;
    }

    /// <summary>Stops every client's recording, before the ground truth is read: it then covers all that was received.</summary>
    public void Freeze()
    {
        foreach (var client in Clients)
        {
            client.Freeze();
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await Parallel.ForEachAsync(Clients, new ParallelOptions { MaxDegreeOfParallelism = ConnectConcurrency },
            async (client, _) => await client.DisposeAsync());
    }
}
