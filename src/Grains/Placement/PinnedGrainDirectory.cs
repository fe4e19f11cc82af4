using System.Collections.Concurrent;
using Orleans.GrainDirectory;

namespace Spin.Grains.Placement;

/// <summary>The grain directory of grains pinned to a silo by <see cref="NamedSiloPlacement"/> (the replicas): their key
/// names the only silo they may run on, so where they run needs no agreement between silos, and this directory only
/// records the activations of the silo it runs in. A lookup elsewhere finds nothing, so the caller places the grain again,
/// which names the same silo; that silo's own record then finds the activation.
/// Orleans' distributed directory would ask the silo owning the grain's hash range instead, and after a restart at the same
/// address that request can go unanswered for Orleans' whole system response timeout (30 s), holding up the mint's batch,
/// the listener and every mint's pushes behind it (docs/cluster.md, Limits).</summary>
public sealed class PinnedGrainDirectory : IGrainDirectory
{
    /// <summary>The directory's name in <see cref="GrainDirectoryAttribute"/>.</summary>
    public const string Name = "pinned";

    private readonly ConcurrentDictionary<GrainId, GrainAddress> _local = new();

    /// <summary>The activations recorded here.</summary>
    public int Count => _local.Count;

    /// <inheritdoc />
    public Task<GrainAddress?> Register(GrainAddress address) => Register(address, previousAddress: null);

    /// <summary>Records the activation. An activation this silo had before (being deactivated, not yet unregistered) is
    /// replaced: the placement that brought the new one here names no other silo.</summary>
    public Task<GrainAddress?> Register(GrainAddress address, GrainAddress? previousAddress)
    {
        _local[address.GrainId] = address;
        return Task.FromResult<GrainAddress?>(address);
    }

    /// <inheritdoc />
    public Task Unregister(GrainAddress address)
    {
        if (_local.TryGetValue(address.GrainId, out var held) && held.ActivationId == address.ActivationId)
        {
            _local.TryRemove(new KeyValuePair<GrainId, GrainAddress>(address.GrainId, held));
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<GrainAddress?> Lookup(GrainId grainId) => Task.FromResult(_local.GetValueOrDefault(grainId));

    /// <inheritdoc />
    public Task UnregisterSilos(List<SiloAddress> siloAddresses)
    {
        foreach (var (grain, address) in _local)
        {
            if (address.SiloAddress is { } silo && siloAddresses.Contains(silo))
            {
                _local.TryRemove(new KeyValuePair<GrainId, GrainAddress>(grain, address));
            }
        }

        return Task.CompletedTask;
    }
}
