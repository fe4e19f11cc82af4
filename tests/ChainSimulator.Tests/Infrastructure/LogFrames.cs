using System.Text.RegularExpressions;

namespace Spin.ChainSimulator.Tests.Infrastructure;

/// <summary>An independent reading of runtime logs: which program executes each line, from the exact
/// <c>Program X invoke [n]</c> / <c>Program X success|failed…</c> lines, and the data lines each program emitted.</summary>
public static partial class LogFrames
{
    /// <summary>The payloads of the <c>Program data:</c> lines emitted while <paramref name="programId"/> was executing.</summary>
    public static List<byte[]> DataOf(IEnumerable<string> logs, string programId) =>
        Attributed(logs).Where(l => l.Program == programId && l.Line.StartsWith("Program data: ", StringComparison.Ordinal))
            .Select(l => Convert.FromBase64String(l.Line["Program data: ".Length..])).ToList();

    /// <summary>Every line with the program executing when it was logged (null outside any program).</summary>
    public static IEnumerable<(string? Program, string Line, int Depth)> Attributed(IEnumerable<string> logs)
    {
        var stack = new Stack<string>();
        foreach (var line in logs)
        {
            if (Invoke().Match(line) is { Success: true } invoke)
            {
                Assert.Equal(stack.Count + 1, int.Parse(invoke.Groups[2].Value));
                stack.Push(invoke.Groups[1].Value);
                yield return (stack.Peek(), line, stack.Count);
            }
            else if (End().Match(line) is { Success: true } end)
            {
                Assert.Equal(stack.Peek(), end.Groups[1].Value);
                yield return (stack.Peek(), line, stack.Count);
                stack.Pop();
            }
            else
            {
                yield return (stack.TryPeek(out var top) ? top : null, line, stack.Count);
            }
        }

        Assert.Empty(stack);
    }

    [GeneratedRegex(@"^Program ([1-9A-HJ-NP-Za-km-z]{32,44}) invoke \[(\d+)\]$")]
    private static partial Regex Invoke();

    [GeneratedRegex(@"^Program ([1-9A-HJ-NP-Za-km-z]{32,44}) (?:success$|failed: )")]
    private static partial Regex End();
}
