namespace Spin.Bench;

/// <summary>Writes a benchmark's section of docs/benchmarks.md: replaced in place (keeping its hand-written reading
/// subsection) or appended, with paragraphs wrapped like the rest of the file.</summary>
public static class BenchMarkdown
{
    /// <summary>Replaces the section that starts at <paramref name="heading"/>, keeping its <paramref name="reading"/>
    /// subsection, or appends the section when the file has none.</summary>
    public static void WriteSection(string path, string heading, string reading, string section)
    {
        var lines = File.Exists(path) ? File.ReadAllLines(path).ToList() : [];
        var start = lines.IndexOf(heading);
        var kept = new List<string>();
        if (start >= 0)
        {
            var end = lines.FindIndex(start + 1, l => l.StartsWith("## ", StringComparison.Ordinal)) is var next and >= 0 ? next : lines.Count;
            var readingAt = lines.FindIndex(start, end - start, l => l == reading);
            kept = readingAt >= 0 ? ["", .. lines.GetRange(readingAt, end - readingAt)] : [];
            lines.RemoveRange(start, end - start);
        }
        else
        {
            if (lines.Count > 0 && lines[^1].Length > 0)
            {
                lines.Add("");
            }

            start = lines.Count;
        }

        List<string> inserted = [.. section.TrimEnd().Split('\n'), .. kept];
        while (inserted[^1].Length == 0)
        {
            inserted.RemoveAt(inserted.Count - 1);
        }

        lines.InsertRange(start, start < lines.Count ? [.. inserted, ""] : inserted);
        File.WriteAllText(path, string.Join('\n', lines) + "\n");
    }

    /// <summary>Breaks a paragraph into lines of at most <paramref name="width"/> characters.</summary>
    public static string Wrap(string paragraph, int width = 118)
    {
        var lines = new List<string> { "" };
        foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (lines[^1].Length > 0 && lines[^1].Length + 1 + word.Length > width)
            {
                lines.Add("");
            }

            lines[^1] = lines[^1].Length == 0 ? word : $"{lines[^1]} {word}";
        }

        return string.Join('\n', lines);
    }
}
