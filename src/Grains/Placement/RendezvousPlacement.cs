using Orleans.Placement;
using Orleans.Runtime.Placement;

namespace Spin.Grains.Placement;

/// <summary>Places a grain on the first compatible silo of its rendezvous ranking over the active silos' names, so a grain
/// returns to the silo that holds its data after any restart (DESIGN.md section 5).</summary>
[GenerateSerializer, Immutable, Alias("Spin.Grains.Placement.RendezvousPlacement")]
public sealed class RendezvousPlacement : PlacementStrategy;

/// <summary>Marks a grain class for <see cref="RendezvousPlacement"/>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class RendezvousPlacementAttribute() : PlacementAttribute(new RendezvousPlacement());

/// <summary>The director of <see cref="RendezvousPlacement"/>.</summary>
public sealed class RendezvousPlacementDirector(SiloRanking ranking) : IPlacementDirector
{
    /// <inheritdoc />
    public Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
    {
        var compatible = context.GetCompatibleSilos(target);
        var active = ranking.Active;
        foreach (var name in ranking.Rank(target.GrainIdentity))
        {
            if (active.TryGetValue(name, out var address) && compatible.Contains(address))
            {
                return Task.FromResult(address);
            }
        }

        // No active silo is compatible yet (this silo is still joining): stay local when possible.
        return Task.FromResult(compatible.Contains(context.LocalSilo) ? context.LocalSilo : compatible[0]);
    }
}

/// <summary>Places a grain on the silo named by the part of its string key before the last <c>/</c> (replica grains:
/// <c>silo-2/mint</c>); fails when that silo is not active, since a copy kept anywhere else would be no replica.</summary>
[GenerateSerializer, Immutable, Alias("Spin.Grains.Placement.NamedSiloPlacement")]
public sealed class NamedSiloPlacement : PlacementStrategy
{
    /// <summary>The key of a grain pinned to <paramref name="silo"/> for <paramref name="key"/>.</summary>
    public static string Key(string silo, string key) => $"{silo}/{key}";

    /// <summary>Splits a pinned grain's key into the silo name and the inner key.</summary>
    public static (string Silo, string Key) Parse(string key)
    {
        var slash = key.LastIndexOf('/');
        return slash <= 0 ? throw new ArgumentException($"'{key}' does not name a silo", nameof(key)) : (key[..slash], key[(slash + 1)..]);
    }
}

/// <summary>Marks a grain class for <see cref="NamedSiloPlacement"/>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class NamedSiloPlacementAttribute() : PlacementAttribute(new NamedSiloPlacement());

/// <summary>The director of <see cref="NamedSiloPlacement"/>.</summary>
public sealed class NamedSiloPlacementDirector(SiloRanking ranking) : IPlacementDirector
{
    /// <inheritdoc />
    public Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
    {
        var (silo, _) = NamedSiloPlacement.Parse(target.GrainIdentity.Key.ToString()!);
        return ranking.Active.TryGetValue(silo, out var address) && context.GetCompatibleSilos(target).Contains(address)
            ? Task.FromResult(address)
            // Not an OrleansException: Orleans retries those with back-off for up to its whole placement timeout, and the
            // placement worker that retries holds up every other grain queued on it. The named silo is down or still
            // joining; the caller finds out at once and goes without that replica.
            : throw new InvalidOperationException($"Silo '{silo}' is not active, so {target.GrainIdentity} cannot be placed on it.");
    }
}
