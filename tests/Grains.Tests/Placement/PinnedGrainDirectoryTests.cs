using System.Net;
using Spin.Grains.Placement;

namespace Spin.Grains.Tests.Placement;

/// <summary>The directory of pinned replicas records its own silo's activations only, and never loses a newer activation
/// to the late unregistration of an older one.</summary>
public sealed class PinnedGrainDirectoryTests
{
    private static readonly SiloAddress Silo = SiloAddress.New(new IPEndPoint(IPAddress.Loopback, 11111), 1);
    private static readonly SiloAddress Restarted = SiloAddress.New(new IPEndPoint(IPAddress.Loopback, 11111), 2);

    [Fact]
    public async Task ALookupFindsTheActivationRegisteredHereAndNothingForOtherGrains()
    {
        var directory = new PinnedGrainDirectory();
        var address = Address("silo-1/mint-a", Silo);

        var registered = await directory.Register(address);

        Assert.Same(address, registered);
        Assert.Same(address, await directory.Lookup(address.GrainId));
        Assert.Null(await directory.Lookup(GrainId.Create("mintreplica", "silo-1/mint-b")));
    }

    [Fact]
    public async Task ANewActivationReplacesTheOldOneAndTheOldOnesUnregistrationLeavesItAlone()
    {
        var directory = new PinnedGrainDirectory();
        var old = Address("silo-1/mint-a", Silo);
        var current = Address("silo-1/mint-a", Silo);

        await directory.Register(old);
        Assert.Same(current, await directory.Register(current, old));
        await directory.Unregister(old);

        Assert.Same(current, await directory.Lookup(current.GrainId));
        await directory.Unregister(current);
        Assert.Null(await directory.Lookup(current.GrainId));
    }

    [Fact]
    public async Task UnregisteringADeadSiloForgetsOnlyItsActivations()
    {
        var directory = new PinnedGrainDirectory();
        var dead = Address("silo-1/mint-a", Silo);
        var alive = Address("silo-1/mint-b", Restarted);
        await directory.Register(dead);
        await directory.Register(alive);

        await directory.UnregisterSilos([Silo]);

        Assert.Null(await directory.Lookup(dead.GrainId));
        Assert.Same(alive, await directory.Lookup(alive.GrainId));
        Assert.Equal(1, directory.Count);
    }

    private static GrainAddress Address(string key, SiloAddress silo) =>
        new() { GrainId = GrainId.Create("mintreplica", key), SiloAddress = silo, ActivationId = ActivationId.NewId() };
}
