using Spin.Grains.Placement;

namespace Spin.Grains.Tests.Placement;

public sealed class RendezvousRankingTests
{
    private static readonly string[] Keys = Enumerable.Range(0, 10_000).Select(i => $"mint/{i:x8}").ToArray();

    [Fact]
    public void TheRankingDependsOnlyOnTheKeyAndTheNamesNotOnTheirOrder()
    {
        var forward = RendezvousRanking.Rank("mint/abc", ["silo-1", "silo-2", "silo-3"]);
        var backward = RendezvousRanking.Rank("mint/abc", ["silo-3", "silo-2", "silo-1"]);

        Assert.Equal(forward, backward);
        Assert.Equal(3, forward.Count);
    }

    [Fact]
    public void KeysSpreadEvenlyOverThreeSilos()
    {
        var shares = Keys.GroupBy(k => RendezvousRanking.Rank(k, ["silo-1", "silo-2", "silo-3"])[0]).ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal(3, shares.Count);
        Assert.All(shares.Values, count => Assert.InRange(count, 3_000, 3_700));
    }

    [Fact]
    public void AddingAFourthSiloMovesAboutAQuarterOfTheKeysAndOnlyToTheNewSilo()
    {
        string[] three = ["silo-1", "silo-2", "silo-3"];
        string[] four = [.. three, "silo-4"];

        var moved = Keys.Where(k => RendezvousRanking.Rank(k, three)[0] != RendezvousRanking.Rank(k, four)[0]).ToList();

        Assert.InRange(moved.Count / (double)Keys.Length, 0.22, 0.28);
        Assert.All(moved, k => Assert.Equal("silo-4", RendezvousRanking.Rank(k, four)[0]));
    }

    [Fact]
    public void LosingASiloMovesOnlyItsKeysAndEachToItsReplica()
    {
        string[] three = ["silo-1", "silo-2", "silo-3"];
        string[] two = ["silo-1", "silo-3"];

        foreach (var key in Keys)
        {
            var before = RendezvousRanking.Rank(key, three);
            var after = RendezvousRanking.Rank(key, two)[0];
            // The replica (second of the ranking) is where a key's data already is when its primary dies.
            Assert.Equal(before[0] == "silo-2" ? before[1] : before[0], after);
        }
    }
}
