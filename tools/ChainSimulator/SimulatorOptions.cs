using System.ComponentModel.DataAnnotations;

namespace Spin.ChainSimulator;

/// <summary>Command-line options (<c>--port 8899 --seed 1 --mints 50 ...</c>).</summary>
public sealed class SimulatorOptions
{
    /// <summary>JSON-RPC port; PubSub listens on the next port, as a validator does.</summary>
    [Range(1, 65534)] public int Port { get; set; } = 8899;

    /// <summary>Address to bind (127.0.0.1, or 0.0.0.0 in a container).</summary>
    [Required] public string Bind { get; set; } = "127.0.0.1";

    /// <summary>Seed of the deterministic scenario.</summary>
    public int Seed { get; set; } = 1;

    /// <summary>Number of mints launched.</summary>
    [Range(1, 1_000_000)] public int Mints { get; set; } = 50;

    /// <summary>Transactions on chain before serving starts.</summary>
    [Range(0, 10_000_000)] public int Prefill { get; set; }

    /// <summary>Live transactions produced after start: -1 endless, 0 none.</summary>
    [Range(-1, int.MaxValue)] public int Transactions { get; set; } = -1;

    /// <summary>Live transactions per second.</summary>
    [Range(1, 1_000_000)] public int Rate { get; set; } = 50;

    /// <summary>Wall milliseconds per slot while streaming.</summary>
    [Range(1, 60_000)] public int SlotMs { get; set; } = 400;

    /// <summary>Share of SpinPet transactions that fail.</summary>
    [Range(0.0, 1.0)] public double FailRate { get; set; } = 0.05;

    /// <summary>Share of transactions from another program that mention SpinPet and log look-alike data.</summary>
    [Range(0.0, 1.0)] public double ForeignRate { get; set; } = 0.05;

    /// <summary>Share of SpinPet calls made through a router (CPI depth 2).</summary>
    [Range(0.0, 1.0)] public double CpiRate { get; set; } = 0.2;

    /// <summary>Share of transactions with several SpinPet events.</summary>
    [Range(0.0, 1.0)] public double MultiRate { get; set; } = 0.2;

    /// <summary>Drop every WebSocket connection this often (0 = never).</summary>
    [Range(0, int.MaxValue)] public int DropEveryMs { get; set; }

    /// <summary>Share of notifications sent twice.</summary>
    [Range(0.0, 1.0)] public double DuplicateRate { get; set; }

    /// <summary>Share of notifications not sent (still visible to backfill).</summary>
    [Range(0.0, 1.0)] public double SkipRate { get; set; }

    /// <summary>Hold live production until <c>POST /control/resume</c>.</summary>
    public bool StartPaused { get; set; }

    /// <summary>Optional file the ground truth is written to when production ends.</summary>
    public string? TruthFile { get; set; }

    /// <summary>The SpinPet program id.</summary>
    public string ProgramId { get; set; } = "JBMmrp6jhksqnxDBskkmVvWHhJLaPBjgiMHEroJbUTBZ";
}
