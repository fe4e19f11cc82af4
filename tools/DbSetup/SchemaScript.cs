using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Spin.DbSetup;

/// <summary>One file of deploy/sql: <c>NNN-name.sql</c>, applied in the order of its number.</summary>
public sealed partial record SchemaScript(int Version, string Name, string Sql)
{
    /// <summary>SHA-256 of the text with line endings normalised, recorded when the file is applied.</summary>
    public string Checksum => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Sql.ReplaceLineEndings("\n"))));

    /// <summary>The scripts embedded in this assembly, ordered by version.</summary>
    public static IReadOnlyList<SchemaScript> LoadEmbedded()
    {
        var assembly = typeof(SchemaScript).Assembly;
        var scripts = assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith("sql/", StringComparison.Ordinal))
            .Select(name =>
            {
                using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
                return Parse(name["sql/".Length..], reader.ReadToEnd());
            })
            .OrderBy(script => script.Version)
            .ToList();
        var duplicate = scripts.GroupBy(script => script.Version).FirstOrDefault(group => group.Count() > 1);
        if (duplicate is not null)
        {
            throw new SchemaSetupException($"Two schema files share version {duplicate.Key}: {string.Join(", ", duplicate.Select(s => s.Name))}.");
        }

        return scripts;
    }

    /// <summary>Reads the version from a file name such as <c>002-clustering.sql</c>.</summary>
    public static SchemaScript Parse(string fileName, string sql)
    {
        var match = FileNamePattern().Match(fileName);
        if (!match.Success)
        {
            throw new SchemaSetupException($"Schema file '{fileName}' is not named NNN-name.sql.");
        }

        return new SchemaScript(int.Parse(match.Groups[1].Value), match.Groups[2].Value, sql);
    }

    [GeneratedRegex(@"^(\d{3})-([a-z0-9-]+)\.sql$")]
    private static partial Regex FileNamePattern();
}
