using Npgsql;

namespace Spin.DbSetup;

/// <summary>The whole setup run: optionally create the database, then apply the embedded schema.</summary>
public static class SchemaSetup
{
    private const string InvalidCatalogName = "3D000";

    /// <summary>Creates the database if asked, applies every script it lacks and prints what it did.</summary>
    public static async Task<SchemaReport> RunAsync(
        string connectionString, bool createDatabase, TextWriter output, CancellationToken cancellationToken)
    {
        var target = Describe(connectionString);
        try
        {
            if (createDatabase)
            {
                var created = await DatabaseCreator.EnsureExistsAsync(connectionString, cancellationToken);
                output.WriteLine(created ? $"Created database {target}." : $"Database {target} exists.");
            }

            output.WriteLine($"Applying the Spin schema to {target}:");
            var report = await new SchemaMigrator(connectionString, output).ApplyAsync(SchemaScript.LoadEmbedded(), cancellationToken);
            output.WriteLine($"Done: {report.Applied.Count} applied, {report.Skipped.Count} already present; " +
                $"the database is at schema version {report.DatabaseVersion:000}.");
            return report;
        }
        catch (NpgsqlException e)
        {
            var detail = e switch
            {
                PostgresException { SqlState: InvalidCatalogName } postgres when !createDatabase =>
                    $"{postgres.SqlState} {postgres.MessageText} (add --create-database to create it)",
                PostgresException postgres => $"{postgres.SqlState} {postgres.MessageText}",
                { InnerException: { } inner } => $"{e.Message} ({inner.Message})",
                _ => e.Message,
            };
            throw new SchemaSetupException($"{target}: {detail}", e);
        }
    }

    private static string Describe(string connectionString)
    {
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            return $"\"{builder.Database}\" on {builder.Host}:{builder.Port} as {builder.Username}";
        }
        catch (ArgumentException e)
        {
            throw new SchemaSetupException($"The connection string is not valid: {e.Message}", e);
        }
    }
}
