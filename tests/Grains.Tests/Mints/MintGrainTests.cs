using Spin.Grains.Interfaces.Events;
using Spin.Grains.Interfaces.Mints;
using Spin.Grains.Tests.Infrastructure;

namespace Spin.Grains.Tests.Mints;

[Collection(ClusterCollection.Name)]
public sealed class MintGrainTests(ClusterFixture fixture)
{
    [Fact]
    public async Task AppliesEveryEventTypeAndReturnsItUnchangedThroughTheSerializer()
    {
        var mint = TestEvents.Key();
        var grain = fixture.Cluster.Client.GetGrain<IMintGrain>(mint);
        var events = AllTypes(mint);

        var applied = await grain.Apply(events);
        var again = await grain.Apply(events);
        var page = await grain.GetEvents(new EventQuery(1, 50, Descending: false));

        Assert.Equal(new ApplyResult(7, 0, 7), applied);
        Assert.Equal(new ApplyResult(0, 7, 7), again);
        Assert.Equal(events, page.Events.Select(e => e.Event));
    }

    private static List<ChainEvent> AllTypes(string mint)
    {
        var k = TestEvents.Key;
        var max = UInt128.MaxValue;
        SpinEvent[] bodies =
        [
            new TokenCreatedEvent(k(), mint, k(), k(), k(), k(), k(), k(), 1000, 2000, 1, "Spin 🚀", "SPIN", "ipfs://Qm"),
            new BuySellEvent(k(), mint, false, ulong.MaxValue, 42, max),
            new LongShortEvent(k(), mint, k(), max, 2, mint, k(), 5, max, 7, 8, 9, uint.MaxValue, 11, 12, 13, ushort.MaxValue),
            new ForceLiquidateEvent(k(), mint, k()),
            new FullCloseEvent(k(), k(), mint, true, 1, 2, 3, 4, k()),
            new PartialCloseEvent(k(), k(), mint, false, 1, 2, 3, 4, k(), 1, mint, k(), 5, 6, 7, 8, 9, 10, 11, 12, 13, 14),
            new MilestoneDiscountEvent(k(), mint, k(), 500, 600, 3),
        ];
        var signature = k() + k();
        return bodies.Select((b, i) => new ChainEvent(new EventId(signature, i), 99, 1_767_225_600, b)).ToList();
    }
}
