namespace Spin.ChainSimulator;

/// <summary>Maps the simulator's dashed switches (<c>--slot-ms</c>) onto option names.</summary>
public static class SimulatorCommandLine
{
    /// <summary>Switch → configuration key.</summary>
    public static readonly Dictionary<string, string> Switches = new()
    {
        ["--slot-ms"] = nameof(SimulatorOptions.SlotMs),
        ["--fail-rate"] = nameof(SimulatorOptions.FailRate),
        ["--foreign-rate"] = nameof(SimulatorOptions.ForeignRate),
        ["--cpi-rate"] = nameof(SimulatorOptions.CpiRate),
        ["--multi-rate"] = nameof(SimulatorOptions.MultiRate),
        ["--drop-every-ms"] = nameof(SimulatorOptions.DropEveryMs),
        ["--duplicate-rate"] = nameof(SimulatorOptions.DuplicateRate),
        ["--skip-rate"] = nameof(SimulatorOptions.SkipRate),
        ["--start-paused"] = nameof(SimulatorOptions.StartPaused),
        ["--truth-file"] = nameof(SimulatorOptions.TruthFile),
        ["--program-id"] = nameof(SimulatorOptions.ProgramId),
    };
}
