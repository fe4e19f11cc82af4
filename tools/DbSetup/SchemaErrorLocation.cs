namespace Spin.DbSetup;

/// <summary>Turns the position PostgreSQL reports for an error into a line of the script file.</summary>
internal static class SchemaErrorLocation
{
    /// <summary>The 1-based line of <paramref name="script"/> at which the error lies: <paramref name="position"/> is
    /// PostgreSQL's 1-based character position within the failing statement, or 0 when it gave none (then the
    /// statement's first line counts).</summary>
    public static int Line(string script, SqlStatement statement, int position)
    {
        var within = position > 0
            ? position - 1
            : statement.Text.Length - statement.Text.TrimStart().Length;
        var offset = Math.Min(statement.Offset + within, script.Length);
        return 1 + script.AsSpan(0, offset).Count('\n');
    }
}
