using Spin.ChainSimulator.Ledger;

namespace Spin.ChainSimulator.Scenario;

/// <summary>Records a transaction's execution the way the runtime logs it: invoke/success/failed frames with their
/// depth, compute units consumed out of what is left of the budget, CPIs as inner instructions, log and data lines.</summary>
public sealed class ExecutionTrace(IReadOnlyList<string> accountKeys, uint budget)
{
    private readonly List<string> _logs = [];
    private readonly List<SimInstruction> _inner = [];
    private readonly Stack<Frame> _frames = new();
    private ulong _remaining = budget;
    private int _outer;

    /// <summary>The log lines so far.</summary>
    public IReadOnlyList<string> Logs => _logs;

    /// <summary>The CPIs so far.</summary>
    public IReadOnlyList<SimInstruction> InnerInstructions => _inner;

    /// <summary>Compute units consumed by the whole transaction.</summary>
    public ulong ComputeUnits => budget - _remaining;

    /// <summary>The last return data set, if any.</summary>
    public SimReturnData? ReturnData { get; private set; }

    /// <summary>The program executing now.</summary>
    public string Current => accountKeys[_frames.Peek().ProgramIndex];

    /// <summary>Starts top-level instruction <paramref name="index"/>.</summary>
    public void BeginInstruction(int index) => _outer = index;

    /// <summary>Invokes a program: top level when nothing executes, otherwise a CPI recorded as an inner instruction.</summary>
    public void Invoke(int programIndex, IReadOnlyList<int> accounts, byte[] data)
    {
        var depth = _frames.Count + 1;
        if (depth > 1)
        {
            _inner.Add(new SimInstruction(programIndex, accounts, data, _outer, depth));
        }

        _logs.Add($"Program {accountKeys[programIndex]} invoke [{depth}]");
        _frames.Push(new Frame(programIndex, _remaining));
    }

    /// <summary>A <c>msg!</c> line of the executing program.</summary>
    public void Log(string message) => _logs.Add("Program log: " + message);

    /// <summary>A <c>sol_log_data</c> line (what Anchor's <c>emit!</c> writes) of the executing program.</summary>
    public void Data(byte[] payload) => _logs.Add("Program data: " + Convert.ToBase64String(payload));

    /// <summary>The executing program sets its return data.</summary>
    public void Return(byte[] data)
    {
        ReturnData = new SimReturnData(Current, data);
        _logs.Add($"Program return: {Current} {Convert.ToBase64String(data)}");
    }

    /// <summary>The executing program returns successfully after using <paramref name="units"/> of its own.</summary>
    public void Succeed(ulong units) => End(units, null);

    /// <summary>The executing program fails with <paramref name="error"/> (e.g. <c>custom program error: 0x178e</c>).</summary>
    public void Fail(ulong units, string error) => End(units, error);

    private void End(ulong units, string? error)
    {
        var frame = _frames.Pop();
        var program = accountKeys[frame.ProgramIndex];
        var consumed = Math.Min(frame.Start, frame.Start - _remaining + units);
        _remaining = frame.Start - consumed;
        if (!ProgramIds.IsBuiltin(program))
        {
            _logs.Add($"Program {program} consumed {consumed} of {frame.Start} compute units");
        }

        _logs.Add(error is null ? $"Program {program} success" : $"Program {program} failed: {error}");
    }

    private sealed record Frame(int ProgramIndex, ulong Start);
}
