using Microsoft.Extensions.DependencyInjection;
using Orleans.Hosting;
using Orleans.Runtime.Hosting;
using Spin.Grains.Placement;

namespace Spin.Grains;

/// <summary>Registers what the grains need beyond the store: the silo ranking, the two placement directors, the directory
/// of the pinned replicas and the replication instruments.</summary>
public static class SpinGrainServices
{
    /// <summary>Adds the rendezvous and named-silo placement directors, the ranking they share, and the replication metrics.</summary>
    public static ISiloBuilder AddSpinPlacement(this ISiloBuilder silo)
    {
        silo.Services.AddSingleton<SiloRanking>();
        silo.Services.AddSingleton<ReplicationMetrics>();
        silo.Services.AddOptions<ReplicationOptions>().BindConfiguration(ReplicationOptions.SectionName);
        silo.AddPlacementDirector<RendezvousPlacement, RendezvousPlacementDirector>();
        silo.AddPlacementDirector<NamedSiloPlacement, NamedSiloPlacementDirector>();
        silo.AddGrainDirectory(PinnedGrainDirectory.Name, (_, _) => new PinnedGrainDirectory());
        return silo;
    }
}
