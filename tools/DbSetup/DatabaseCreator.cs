using Npgsql;

namespace Spin.DbSetup;

/// <summary>Creates the database named in a connection string when it does not exist.</summary>
public static class DatabaseCreator
{
    private const string DuplicateDatabase = "42P04";

    /// <summary>Connects to the <c>postgres</c> maintenance database with the same credentials and creates the
    /// target database if it is missing. Returns whether it created it.</summary>
    public static async Task<bool> EnsureExistsAsync(string connectionString, CancellationToken cancellationToken)
    {
        var target = new NpgsqlConnectionStringBuilder(connectionString);
        if (string.IsNullOrEmpty(target.Database))
        {
            throw new SchemaSetupException("--create-database needs the database name in the connection string (Database=...).");
        }

        var maintenance = new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(maintenance.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var exists = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = @name)", connection);
        exists.Parameters.AddWithValue("name", target.Database);
        if ((bool)(await exists.ExecuteScalarAsync(cancellationToken))!)
        {
            return false;
        }

        // CREATE DATABASE takes no parameters; the name is quoted as an identifier instead.
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{target.Database.Replace("\"", "\"\"")}\"", connection);
        try
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
            return true;
        }
        catch (PostgresException e) when (e.SqlState == DuplicateDatabase)
        {
            // Another setup run created it between the check and the create.
            return false;
        }
    }
}
