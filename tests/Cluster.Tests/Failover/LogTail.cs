namespace Spin.Cluster.Tests.Failover;

/// <summary>Process output made readable in an assertion message: stack frames dropped, the last lines kept.</summary>
public static class LogTail
{
    /// <summary>The last <paramref name="lines"/> lines of <paramref name="output"/> that are not stack frames.</summary>
    public static string Compact(string output, int lines) => string.Join(Environment.NewLine, output.Split(Environment.NewLine)
        .Where(line => !IsStackFrame(line)).TakeLast(lines));

    // Lines look like "[silo-1]          at Namespace.Type.Method(...)".
    private static bool IsStackFrame(string line)
    {
        var text = line.AsSpan(line.IndexOf(']') + 1).TrimStart();
        return text.StartsWith("at ", StringComparison.Ordinal) || text.StartsWith("--- End of", StringComparison.Ordinal);
    }
}
