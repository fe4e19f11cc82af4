namespace Spin.DbSetup;

/// <summary>One statement of a script and where it starts in the script.</summary>
public readonly record struct SqlStatement(int Offset, string Text);

/// <summary>Splits a PostgreSQL script at the semicolons that end statements, skipping those inside comments,
/// quoted strings and identifiers, and dollar-quoted bodies, so that an error can be traced to its line.</summary>
public static class SqlStatements
{
    /// <summary>The statements of <paramref name="script"/>, without empty ones or comment-only ones.</summary>
    public static IReadOnlyList<SqlStatement> Split(string script)
    {
        var statements = new List<SqlStatement>();
        var start = 0;
        var hasCode = false;
        for (var i = 0; i < script.Length; i++)
        {
            var skipped = SkipQuotedOrComment(script, i);
            if (skipped > i)
            {
                hasCode |= script[i] != '-' && script[i] != '/';
                i = skipped - 1;
            }
            else if (script[i] == ';')
            {
                Add(statements, script, start, i, hasCode);
                (start, hasCode) = (i + 1, false);
            }
            else
            {
                hasCode |= !char.IsWhiteSpace(script[i]);
            }
        }

        Add(statements, script, start, script.Length, hasCode);
        return statements;
    }

    private static void Add(List<SqlStatement> statements, string script, int start, int end, bool hasCode)
    {
        if (hasCode)
        {
            statements.Add(new SqlStatement(start, script[start..end]));
        }
    }

    /// <summary>The index just past the comment, string, quoted identifier or dollar-quoted body starting at
    /// <paramref name="i"/>, or <paramref name="i"/> when none starts there.</summary>
    private static int SkipQuotedOrComment(string s, int i) => s[i] switch
    {
        '-' when At(s, i, "--") => EndOf(s, s.IndexOf('\n', i)),
        '/' when At(s, i, "/*") => SkipBlockComment(s, i),
        '\'' => SkipQuoted(s, i, '\'', backslashEscapes: i > 0 && s[i - 1] is 'E' or 'e' && !IsIdentifierChar(s, i - 2)),
        '"' => SkipQuoted(s, i, '"', backslashEscapes: false),
        '$' when !IsIdentifierChar(s, i - 1) && DollarTag(s, i) is { } tag => EndOf(s, s.IndexOf(tag, i + tag.Length, StringComparison.Ordinal), tag.Length),
        _ => i,
    };

    private static bool IsIdentifierChar(string s, int i) => i >= 0 && (char.IsLetterOrDigit(s[i]) || s[i] is '_' or '$');

    private static bool At(string s, int i, string token) => string.CompareOrdinal(s, i, token, 0, token.Length) == 0;

    private static int EndOf(string s, int found, int length = 1) => found < 0 ? s.Length : found + length;

    private static int SkipBlockComment(string s, int i)
    {
        // PostgreSQL block comments nest.
        var depth = 0;
        for (; i < s.Length; i++)
        {
            if (At(s, i, "/*"))
            {
                (depth, i) = (depth + 1, i + 1);
            }
            else if (At(s, i, "*/") && --depth == 0)
            {
                return i + 2;
            }
        }

        return s.Length;
    }

    private static int SkipQuoted(string s, int i, char quote, bool backslashEscapes)
    {
        for (i++; i < s.Length; i++)
        {
            if (backslashEscapes && s[i] == '\\')
            {
                i++;
            }
            else if (s[i] == quote)
            {
                // A doubled quote is an escaped quote, not the end.
                if (i + 1 < s.Length && s[i + 1] == quote)
                {
                    i++;
                    continue;
                }

                return i + 1;
            }
        }

        return s.Length;
    }

    /// <summary>The tag (<c>$$</c> or <c>$name$</c>) opening a dollar-quoted body at <paramref name="i"/>; null for
    /// anything else, such as a positional parameter <c>$1</c>.</summary>
    private static string? DollarTag(string s, int i)
    {
        var end = i + 1;
        if (end < s.Length && !char.IsDigit(s[end]))
        {
            while (end < s.Length && (char.IsLetterOrDigit(s[end]) || s[end] == '_'))
            {
                end++;
            }
        }

        return end < s.Length && s[end] == '$' ? s[i..(end + 1)] : null;
    }
}
