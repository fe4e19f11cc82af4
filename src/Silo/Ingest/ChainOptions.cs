using System.ComponentModel.DataAnnotations;

namespace Spin.Silo.Ingest;

/// <summary>Which Solana cluster to index and how (<c>Spin:Chain</c>).</summary>
public sealed class ChainOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Spin:Chain";

    /// <summary>JSON-RPC HTTP endpoint.</summary>
    [Required, Url]
    public string RpcUrl { get; set; } = "https://api.devnet.solana.com";

    /// <summary>PubSub WebSocket endpoint.</summary>
    [Required, RegularExpression("^wss?://.+", ErrorMessage = "Spin:Chain:WsUrl must be a ws:// or wss:// URL.")]
    public string WsUrl { get; set; } = "wss://api.devnet.solana.com";

    /// <summary>The SpinPet program id.</summary>
    [Required, RegularExpression("^[1-9A-HJ-NP-Za-km-z]{32,44}$", ErrorMessage = "Spin:Chain:ProgramId must be a base58 address.")]
    public string ProgramId { get; set; } = "JBMmrp6jhksqnxDBskkmVvWHhJLaPBjgiMHEroJbUTBZ";

    /// <summary>confirmed (default) or finalized; processed would index forks that never land.</summary>
    [Required, RegularExpression("^(confirmed|finalized)$", ErrorMessage = "Spin:Chain:Commitment must be 'confirmed' or 'finalized'.")]
    public string Commitment { get; set; } = "confirmed";

    /// <summary>Run the chain listener in this process. In cluster mode (<c>Spin:Cluster:Membership</c> = AdoNet) it runs
    /// on one enabled silo at a time, the holder of the listener lease in PostgreSQL; the others stand by.</summary>
    public bool ListenerEnabled { get; set; } = true;

    /// <summary>Cluster mode: how long the listener lease holds without renewal. The holder renews it every third of
    /// this, and a standing-by silo asks for it as often, so a dead holder is replaced within about 4/3 of it. 5 s by
    /// default: ingestion (and every live push) pauses for that long when the holder dies.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often the listener reconciles with getSignaturesForAddress even when no notification arrives,
    /// which finds notifications the node never sent.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "01:00:00")]
    public TimeSpan ReconcileInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Transactions applied per batch (one grain call per mint per batch).</summary>
    [Range(1, 10_000)]
    public int BatchSize { get; set; } = 1000;

    /// <summary>The lag in slots past which <c>/health</c> reports the index unhealthy. While the node cannot be
    /// reached the lag is estimated from the time since the last complete reconciliation (400 ms a slot).</summary>
    [Range(1, 10_000_000)]
    public long HealthMaxLagSlots { get; set; } = 150;
}
