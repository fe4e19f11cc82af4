using System.Globalization;
using Spin.Gateway.Tests.Infrastructure;

namespace Spin.Gateway.Tests.EndToEnd;

/// <summary>A product that indexed many mints and then went quiet deactivates their grains and hands their memory back:
/// one full collection once <c>Spin:Grains:TrimAfterDeactivations</c> grains (here 30 of the 40 mints) were deactivated and the process is idle,
/// and the data is served as before (the grains load it again).</summary>
[Collection(EndToEndCollection.Name)]
public sealed class IdleMemoryTrimTests
{
    [Fact]
    public async Task AQuietProductCollectsTheMemoryOfItsDeactivatedGrainsAndStillServesEverything()
    {
        using var data = new TempDirectory();
        await using var simulator = await SimulatorProcess.StartAsync("--seed", "64", "--mints", "40", "--prefill", "400", "--transactions", "0");
        await using var gateway = await GatewayProcess.StartAsync(simulator, data.Path,
            "--Spin:Grains:CollectionAge", "00:00:04", "--Spin:Grains:TrimAfterDeactivations", "30");
        var truth = await simulator.GetTruthAsync();
        await gateway.WaitForEventCountsAsync(truth, TimeSpan.FromMinutes(2));

        await Eventually.HoldsAsync(async () =>
        {
            var trims = Sample(await gateway.Http.GetStringAsync("metrics"), "spin_memory_trims_total");
            return (trims >= 1, $"spin_memory_trims_total {trims}");
        }, TimeSpan.FromSeconds(60), "a full collection after the idle grains were deactivated");

        var trimmed = Sample(await gateway.Http.GetStringAsync("metrics"), "spin_memory_trimmed_bytes_total");
        Assert.True(trimmed >= 0, $"spin_memory_trimmed_bytes_total {trimmed}");
        foreach (var (mint, events) in truth)
        {
            Assert.Equal(events.Count, await gateway.CountEventsAsync(mint));
        }
    }

    private static double Sample(string metrics, string name) => metrics.Split('\n')
        .Where(line => line.StartsWith(name + " ", StringComparison.Ordinal) || line.StartsWith(name + "{", StringComparison.Ordinal))
        .Select(line => double.Parse(line.Split(' ')[1], CultureInfo.InvariantCulture))
        .DefaultIfEmpty(0)
        .Sum();
}
