namespace Spin.Grains.Placement;

/// <summary>The active silos of the cluster, by name, and each grain's rendezvous ranking over them. The ranking key is
/// the grain id, so the placement director and the grain itself agree on where the grain belongs and which silo holds
/// its replica.</summary>
public sealed class SiloRanking(IClusterMembershipService membership, ILocalSiloDetails local)
{
    private (MembershipVersion Version, IReadOnlyDictionary<string, SiloAddress> Silos)? _active;

    /// <summary>This silo's name.</summary>
    public string LocalName => local.Name;

    /// <summary>This silo's address.</summary>
    public SiloAddress LocalAddress => local.SiloAddress;

    /// <summary>The version of the membership the answers are based on; it moves whenever a silo joins, leaves or dies.</summary>
    public MembershipVersion Version => membership.CurrentSnapshot.Version;

    /// <summary>The active silos by name (the newest address when a name appears twice during a restart).</summary>
    public IReadOnlyDictionary<string, SiloAddress> Active
    {
        get
        {
            var snapshot = membership.CurrentSnapshot;
            if (_active is { } cached && cached.Version == snapshot.Version)
            {
                return cached.Silos;
            }

            var silos = snapshot.Members.Values
                .Where(m => m.Status == SiloStatus.Active)
                .GroupBy(m => m.Name ?? m.SiloAddress.ToString(), StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Select(m => m.SiloAddress).MaxBy(a => a.Generation)!, StringComparer.Ordinal);
            _active = (snapshot.Version, silos);
            return silos;
        }
    }

    /// <summary>The active silos' names in placement order for <paramref name="grain"/>.</summary>
    public IReadOnlyList<string> Rank(GrainId grain) => RendezvousRanking.Rank(grain.ToString(), Active.Keys);

    /// <summary>The silo a grain belongs on (the first of its ranking), or null before any silo is active.</summary>
    public string? PrimaryOf(GrainId grain) => Rank(grain).FirstOrDefault();

    /// <summary>True when <paramref name="grain"/> runs on this silo but its ranking names another active silo first (it
    /// activated before that silo joined, or stayed on its replica after a failover): it should migrate once idle.</summary>
    public bool IsMisplaced(GrainId grain) =>
        PrimaryOf(grain) is { } primary && primary != LocalName && Active.ContainsKey(LocalName);

    /// <summary>The silo that holds a copy of the grain's data when it runs on <paramref name="host"/>: the first other
    /// silo of its ranking, or null when no other silo is active.</summary>
    public string? ReplicaOf(GrainId grain, string host) => Rank(grain).FirstOrDefault(name => name != host);
}
