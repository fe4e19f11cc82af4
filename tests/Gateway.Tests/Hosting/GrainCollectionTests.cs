using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Spin.Gateway.Tests.Infrastructure;
using Spin.Grains.Interfaces.Mints;

namespace Spin.Gateway.Tests.Hosting;

/// <summary><c>Spin:Grains:CollectionAge</c> reaches Orleans' grain collection, and idle grains are deactivated by it.</summary>
public sealed class GrainCollectionTests
{
    [Fact]
    public async Task CollectsGrainsIdleForTwoMinutesByDefault()
    {
        await using var factory = new GatewayFactory();

        var options = factory.Services.GetRequiredService<IOptions<GrainCollectionOptions>>().Value;

        Assert.Equal(TimeSpan.FromMinutes(2), options.CollectionAge);
        Assert.Equal(TimeSpan.FromMinutes(1), options.CollectionQuantum);
    }

    [Fact]
    public async Task DeactivatesAMintGrainOnceItWasIdleForTheConfiguredAge()
    {
        await using var factory = new GatewayFactory { Settings = new Dictionary<string, string?> { ["Spin:Grains:CollectionAge"] = "00:00:05" } };
        var grains = factory.Services.GetRequiredService<IGrainFactory>();
        var options = factory.Services.GetRequiredService<IOptions<GrainCollectionOptions>>().Value;
        Assert.Equal((TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(2.5)), (options.CollectionAge, options.CollectionQuantum));

        await grains.GetGrain<IMintGrain>("So11111111111111111111111111111111111111112").GetDetails();

        Assert.Equal(1, await MintActivationsAsync(grains));
        await Eventually.HoldsAsync(async () =>
        {
            var count = await MintActivationsAsync(grains);
            return (count == 0, $"{count} mint activations");
        }, TimeSpan.FromSeconds(30), "the idle mint grain to be deactivated");
    }

    private static async Task<int> MintActivationsAsync(IGrainFactory grains)
    {
        var statistics = await grains.GetGrain<IManagementGrain>(0).GetSimpleGrainStatistics();
        return statistics.Where(s => s.GrainType.StartsWith("Spin.Grains.Mints.MintGrain,", StringComparison.Ordinal)).Sum(s => s.ActivationCount);
    }
}
