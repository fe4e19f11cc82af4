using System.Diagnostics.CodeAnalysis;

namespace Spin.DbSetup;

/// <summary>The parsed command line of Spin.DbSetup.</summary>
public sealed record DbSetupCommandLine(string ConnectionString, bool CreateDatabase, bool ShowHelp)
{
    /// <summary>What <c>--help</c> prints.</summary>
    public const string Usage = """
        Usage: dotnet Spin.DbSetup.dll --connection "<Npgsql connection string>" [--create-database]

        Applies the Spin PostgreSQL schema (deploy/sql, embedded in this tool) in order, one transaction per file,
        skipping files the database already has. Re-running it changes nothing.

          --connection <string>   e.g. "Host=localhost;Port=5432;Database=spin;Username=spin;Password=..."
          --create-database       create the database first if it does not exist (connects to database "postgres")
          --help                  show this text
        """;

    /// <summary>Parses <paramref name="args"/>; on failure <paramref name="error"/> says why.</summary>
    public static bool TryParse(
        IReadOnlyList<string> args, [NotNullWhen(true)] out DbSetupCommandLine? commandLine, [NotNullWhen(false)] out string? error)
    {
        string? connection = null;
        var createDatabase = false;
        var showHelp = false;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--connection" when i + 1 < args.Count:
                    connection = args[++i];
                    break;
                case "--create-database":
                    createDatabase = true;
                    break;
                case "--help" or "-h":
                    showHelp = true;
                    break;
                default:
                    (commandLine, error) = (null, $"Unknown or incomplete argument '{args[i]}'.");
                    return false;
            }
        }

        if (!showHelp && string.IsNullOrWhiteSpace(connection))
        {
            (commandLine, error) = (null, "--connection is required.");
            return false;
        }

        (commandLine, error) = (new DbSetupCommandLine(connection ?? "", createDatabase, showHelp), null);
        return true;
    }
}
