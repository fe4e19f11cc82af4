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

    /// <summary>In client mode, the silos' gateway endpoints (<c>host:port</c>) to connect to; 127.0.0.1:30000 when empty.</summary>
    public string[] Gateways { get; set; } = [];
}

/// <summary>How a Gateway process joins the cluster.</summary>
public enum ClusterMode
{
    /// <summary>Co-host a silo in the Gateway process (one process, no database).</summary>
    Standalone,

    /// <summary>Connect to separate silo processes as an Orleans client.</summary>
    Client,
}
