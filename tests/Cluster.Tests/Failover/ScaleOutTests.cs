using Xunit.Abstractions;

namespace Spin.Cluster.Tests.Failover;

/// <summary>Must-hold 4: a 4th silo joins mid-stream; with rendezvous placement about a quarter of the mints move to it
/// (measured through <c>/cluster/placement</c>), and all data is still served exactly.</summary>
[Collection(FailoverCollection.Name)]
public sealed class ScaleOutTests(ITestOutputHelper output)
{
    [Fact]
    public async Task AFourthSiloTakesAboutAQuarterOfTheMintsAndAllDataIsStillServed()
    {
        using var figures = new FailoverFigures(output, nameof(AFourthSiloTakesAboutAQuarterOfTheMintsAndAllDataIsStillServed));
        await using var cluster = await FailoverCluster.StartAsync(figures, silos: 3, gateways: 2,
            FailoverStream.Faulty(seed: 64, transactions: 1500, mints: 40), stream: false);
        var verdict = new MustHold(figures);
        var mints = await cluster.MintsAsync();
        var prefill = await cluster.WaitForServedSoFarAsync(mints, FailoverCluster.Patience);
        figures.Step("prefill served");
        var silos = cluster.Silos.Select(s => s.Name).ToList();
        var before = await SettledPlacementAsync(cluster, mints, silos, verdict, "before the 4th silo");
        figures.Step("placement settled");
        await cluster.StreamUntilServedAsync(mints, prefill);
        figures.Step("ingest under way");
        await cluster.AssertStreamingAsync("the 4th silo joined");

        var added = await cluster.AddSiloAsync();
        await cluster.WaitForActiveSilosAsync(4, TimeSpan.FromSeconds(90));
        figures.Step($"{added.Name} active");
        var after = await SettledPlacementAsync(cluster, mints, [.. silos, added.Name], verdict, $"after {added.Name} joined");
        figures.Step("placement settled");
        if (before is not null && after is not null)
        {
            var moved = mints.Where(m => before[m] != after[m]).ToList();
            var share = (double)moved.Count / mints.Count;
            figures.Record("moved_share", Math.Round(share, 3));
            figures.Record("moved_mints", moved.Count);
            figures.Record("moved_not_to_new_silo", moved.Count(m => after[m] != added.Name));
            figures.Note("moves", string.Join(", ", moved.Select(m => $"{m[..6]} {before[m]}->{after[m]}")));
            figures.Note("hosts_before", string.Join(", ", before.GroupBy(p => p.Value).OrderBy(g => g.Key).Select(g => $"{g.Key}: {g.Count()}")));
            figures.Note("hosts_after", string.Join(", ", after.GroupBy(p => p.Value).OrderBy(g => g.Key).Select(g => $"{g.Key}: {g.Count()}")));
            verdict.Check(share is >= 0.1 and <= 0.45, $"the share of mints that moved is close to 1/4; it is {share:F3} ({moved.Count} of {mints.Count})");
            // Exactly the mints whose ranking puts the new silo first move, computed here independently of the cluster.
            var expected = mints.Where(m => Placement.PrimaryOf(m, [.. silos, added.Name]) == added.Name).ToList();
            verdict.Check(moved.Order().SequenceEqual(expected.Order()),
                $"the mints that moved are exactly those ranked first on {added.Name} ({expected.Count}); moved {moved.Count}");
            // Rendezvous placement moves a mint only to the new silo; a move between the old ones means the placement
            // before the join was not the rendezvous one (e.g. grains activated while the first silos were starting).
            var elsewhere = moved.Where(m => after[m] != added.Name).Select(m => $"{m} {before[m]}->{after[m]}").ToList();
            verdict.Check(elsewhere.Count == 0, $"mints move only to {added.Name}; {elsewhere.Count} moved between the old silos: {string.Join(", ", elsewhere.Take(5))}");
        }

        await cluster.CheckServesTruthAsync(figures, verdict);
        verdict.Assert(cluster);
    }

    private static async Task<Dictionary<string, string>?> SettledPlacementAsync(FailoverCluster cluster, IReadOnlyList<string> mints,
        IReadOnlyList<string> silos, MustHold verdict, string when)
    {
        try
        {
            return await Placement.OnPrimariesAsync(cluster.Gateways[0], mints, silos, TimeSpan.FromSeconds(90));
        }
        catch (TimeoutException ex)
        {
            verdict.Check(false, $"GET /cluster/placement gives every mint a settled placement {when}: {ex.Message}");
            return null;
        }
    }
}
