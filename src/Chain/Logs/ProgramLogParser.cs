namespace Spin.Chain.Logs;

/// <summary>Follows a transaction's log lines with a real call stack and returns the <c>Program data:</c> payloads
/// emitted while the target program was the executing program (at any CPI depth).</summary>
public static class ProgramLogParser
{
    private const string ProgramPrefix = "Program ";
    private const string DataPrefix = "Program data: ";
    private const string InvokeMarker = " invoke [";

    /// <summary>Parses the log lines of one transaction.</summary>
    public static ProgramLogParseResult Parse(IReadOnlyList<string> logs, string programId)
    {
        var stack = new Stack<string>();
        var data = new List<string>();
        var malformed = 0;
        foreach (var line in logs)
        {
            if (line.StartsWith(DataPrefix, StringComparison.Ordinal))
            {
                if (stack.TryPeek(out var top) && top == programId)
                {
                    data.Add(line[DataPrefix.Length..].Trim());
                }
            }
            else if (line.StartsWith("Log truncated", StringComparison.Ordinal))
            {
                return new ProgramLogParseResult(data, Truncated: true, malformed);
            }
            else if (line.StartsWith(ProgramPrefix, StringComparison.Ordinal) && !TryApplyFrameLine(line, stack))
            {
                malformed++;
            }
        }

        return new ProgramLogParseResult(data, Truncated: false, malformed);
    }

    // Returns false only for a frame line that contradicts the stack (a success/failure of a program that is not on top).
    private static bool TryApplyFrameLine(string line, Stack<string> stack)
    {
        var rest = line.AsSpan(ProgramPrefix.Length);
        var space = rest.IndexOf(' ');

        // "Program log: invoke [1]" is text a program printed, not a frame: base58 ids never hold a colon, while
        // "Program log:", "Program return:" and "Program consumption:" lines always do.
        if (space <= 0 || rest[..space].Contains(':'))
        {
            return true;
        }

        var id = rest[..space];
        var tail = rest[space..];
        if (tail.StartsWith(InvokeMarker, StringComparison.Ordinal) && tail.EndsWith("]", StringComparison.Ordinal))
        {
            stack.Push(id.ToString());
            return true;
        }

        if (tail is " success" || tail.StartsWith(" failed", StringComparison.Ordinal))
        {
            if (stack.TryPeek(out var top) && top.AsSpan().SequenceEqual(id))
            {
                stack.Pop();
                return true;
            }

            return false;
        }

        // "Program log: ...", "Program return: ...", "Program <id> consumed ..." and the like do not change the stack.
        return true;
    }
}
