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
}
