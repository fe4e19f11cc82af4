namespace Spin.Chain.Logs;

/// <summary>The base64 payloads of the target program's <c>Program data:</c> lines, in log order.</summary>
/// <param name="Data">The payloads; the index of a payload in this list is the event's index in the transaction.</param>
/// <param name="Truncated">The validator truncated the log; later lines are unknown.</param>
/// <param name="MalformedFrames">Frame lines that contradicted the call stack.</param>
public sealed record ProgramLogParseResult(IReadOnlyList<string> Data, bool Truncated, int MalformedFrames);
