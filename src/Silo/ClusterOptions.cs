using System.ComponentModel.DataAnnotations;

namespace Spin.Silo;

/// <summary>How this process joins the Orleans cluster (<c>Spin:Cluster</c>).</summary>
public sealed class SpinClusterOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Spin:Cluster";

    /// <summary>Silo-to-silo port.</summary>
    [Range(1, 65535)]
    public int SiloPort { get; set; } = 11111;

    /// <summary>Port Orleans clients connect to.</summary>
    [Range(1, 65535)]
    public int GatewayPort { get; set; } = 30000;

    /// <summary>How a Gateway process joins: <c>Standalone</c> co-hosts a silo (the default); <c>Client</c> connects to
    /// the silos as an Orleans client.</summary>
    public ClusterMode Mode { get; set; } = ClusterMode.Standalone;

    /// <summary>In client mode, the silos' gateway endpoints (<c>host:port</c>) to connect to; 127.0.0.1:30000 when empty.
    /// Unused with <see cref="MembershipProvider.AdoNet"/>, where clients find the gateways in the membership table.</summary>
    public string[] Gateways { get; set; } = [];

    /// <summary>Where silos and clients find each other: <c>Localhost</c> (one silo, no database; the default) or
    /// <c>AdoNet</c> (the PostgreSQL membership table, for several silos).</summary>
    public MembershipProvider Membership { get; set; } = MembershipProvider.Localhost;

    /// <summary>The PostgreSQL (Npgsql) connection string of the membership table, with <see cref="MembershipProvider.AdoNet"/>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The cluster's id: silos and clients with the same id form one cluster.</summary>
    [Required]
    public string ClusterId { get; set; } = "spin";

    /// <summary>The service's id, stable across deployments.</summary>
    [Required]
    public string ServiceId { get; set; } = "spin";

    /// <summary>This silo's name, stable across restarts (defaults to the host name).</summary>
    public string? SiloName { get; set; }

    /// <summary>How long a silo waits for a peer's probe answer (cluster mode). With <see cref="MissedProbesLimit"/> it sets
    /// how soon a dead silo is declared dead and its mints move to their replicas.</summary>
    public TimeSpan ProbeTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Missed probes after which a silo suspects a peer (cluster mode).</summary>
    [Range(1, 10)]
    public int MissedProbesLimit { get; set; } = 2;

    /// <summary>How often a silo reads the membership table (cluster mode; Orleans' default is 60 s). A silo restarted at
    /// the address of its killed predecessor marks that predecessor dead; when that write loses a race with another
    /// silo's, it is tried again on the next read, and until then no other silo can join: each fails to reach the dead
    /// predecessor it still sees as active. After a whole-cluster restart that held a silo out for 50 s, long enough for
    /// the mints of the silo that did start to give up on their peers and read the chain.</summary>
    public TimeSpan TableRefreshTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a grain call may wait for its answer, and a grain's placement may take (silos and client gateways
    /// in cluster mode; Orleans' defaults are 30 s). A call caught by a silo's death, or by a directory partition that moved with a restart, is answered
    /// by nothing: this bounds how long it holds its caller.</summary>
    public TimeSpan ResponseTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The address other silos and clients reach this silo at (default: loopback with localhost membership,
    /// else this host's first IPv4 address).</summary>
    public string? AdvertisedAddress { get; set; }
}

/// <summary>Where silos and clients find each other.</summary>
public enum MembershipProvider
{
    /// <summary>One silo on this machine, no database.</summary>
    Localhost,

    /// <summary>The Orleans ADO.NET membership table in PostgreSQL.</summary>
    AdoNet,
}

/// <summary>How a Gateway process joins the cluster.</summary>
public enum ClusterMode
{
    /// <summary>Co-host a silo in the Gateway process (one process, no database).</summary>
    Standalone,

    /// <summary>Connect to separate silo processes as an Orleans client.</summary>
    Client,
}
