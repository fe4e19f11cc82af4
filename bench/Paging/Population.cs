using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Spin.Gateway.Tests.Infrastructure;
using Spin.Grains.Interfaces.Events;
using Spin.Grains.Interfaces.Mints;
using Spin.Silo;

namespace Spin.Bench.Paging;

/// <summary>How long writing the data set took.</summary>
public sealed record PopulationTimes(TimeSpan Mints, TimeSpan HotMint);

/// <summary>Writes a <see cref="SyntheticChain"/> into a fresh data directory through a standalone silo hosted in this
/// process, by the same <see cref="IMintGrain.Apply"/> the chain listener calls (the listener itself is off).</summary>
public static class Population
{
    private const int BatchSize = 1_000;

    /// <summary>Applies every launch (bounded concurrency), then the hot mint's events in batches, then stops the silo.</summary>
    public static async Task<PopulationTimes> RunAsync(SyntheticChain chain, string dataPath, int concurrency)
    {
        using var host = BuildHost(dataPath);
        await host.StartAsync();
        var grains = host.Services.GetRequiredService<IGrainFactory>();

        var clock = Stopwatch.StartNew();
        await ApplyLaunchesAsync(grains, chain.Launches.Skip(1).ToList(), concurrency);
        await ApplyAsync(grains, chain.SmallMint, chain.SmallTrades);
        var mints = clock.Elapsed;

        clock.Restart();
        foreach (var batch in chain.HotEvents.Chunk(BatchSize))
        {
            await ApplyAsync(grains, chain.HotMint, batch);
        }

        var hot = clock.Elapsed;
        Console.WriteLine($"hot mint: {chain.HotEvents.Count:N0} events in {hot.TotalSeconds:F1} s");
        await host.StopAsync();
        return new PopulationTimes(mints, hot);
    }

    private static IHost BuildHost(string dataPath)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Production", Args = [] });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Spin:Chain:ListenerEnabled"] = "false",
            // The synthetic tokens' URIs lead nowhere; fetching them would only add failed HTTP calls.
            ["Spin:Metadata:Enabled"] = "false",
            ["Spin:Storage:Path"] = dataPath,
            ["Spin:Cluster:SiloPort"] = FreePort.Get().ToString(),
            ["Spin:Cluster:GatewayPort"] = FreePort.Get().ToString(),
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddSpinStandaloneSilo();
        return builder.Build();
    }

    private static async Task ApplyLaunchesAsync(IGrainFactory grains, IReadOnlyList<ChainEvent> launches, int concurrency)
    {
        var done = 0;
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(launches, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (launch, _) =>
        {
            await ApplyAsync(grains, launch.Body.Mint, [launch]);
            if (Interlocked.Increment(ref done) % 10_000 == 0)
            {
                Console.WriteLine($"mints: {done:N0} of {launches.Count:N0} after {clock.Elapsed.TotalSeconds:F1} s");
            }
        });
    }

    private static async Task ApplyAsync(IGrainFactory grains, string mint, IReadOnlyList<ChainEvent> events)
    {
        var result = await grains.GetGrain<IMintGrain>(mint).Apply(events);
        if (result.Applied != events.Count)
        {
            throw new InvalidOperationException($"{mint}: applied {result.Applied} of {events.Count} events");
        }
    }
}
