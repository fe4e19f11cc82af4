using Npgsql;

namespace Spin.DbSetup;

/// <summary>Applies schema scripts in version order, each in its own transaction together with its row in
/// <c>SpinSchemaVersion</c>. A script whose version is recorded is skipped, so a re-run changes nothing.</summary>
public sealed class SchemaMigrator(string connectionString, TextWriter output)
{
    // Serialises concurrent setup runs against one database (e.g. several containers starting at once).
    private const long SetupLockKey = 0x5370_696E_4462_5375;

    /// <summary>Applies the scripts the database does not have yet.</summary>
    public async Task<SchemaReport> ApplyAsync(IReadOnlyList<SchemaScript> scripts, CancellationToken cancellationToken)
    {
        // Without this flag Npgsql does not say which statement of a batch failed.
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { IncludeFailedBatchedCommand = true };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        var applied = new List<SchemaScript>();
        var skipped = new List<SchemaScript>();
        foreach (var script in scripts)
        {
            (await ApplyIfMissingAsync(connection, script, cancellationToken) ? applied : skipped).Add(script);
        }

        await using var latest = new NpgsqlCommand("SELECT coalesce(max(Version), 0) FROM SpinSchemaVersion", connection);
        return new SchemaReport(applied, skipped, (int)(await latest.ExecuteScalarAsync(cancellationToken))!);
    }

    private async Task<bool> ApplyIfMissingAsync(NpgsqlConnection connection, SchemaScript script, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, "SELECT pg_advisory_xact_lock(@key)", cancellationToken, ("key", SetupLockKey));
        var recorded = await ReadRecordedAsync(connection, script.Version, cancellationToken);
        if (recorded is not null)
        {
            EnsureUnchanged(script, recorded.Value.Checksum);
            output.WriteLine($"  {script.Version:000}-{script.Name}: already applied on {recorded.Value.AppliedOn:u}");
            return false;
        }

        await ExecuteScriptAsync(connection, script, cancellationToken);
        await ExecuteAsync(connection, "INSERT INTO SpinSchemaVersion (Version, Name, Checksum) VALUES (@version, @name, @checksum)",
            cancellationToken, ("version", script.Version), ("name", script.Name), ("checksum", script.Checksum));
        await transaction.CommitAsync(cancellationToken);
        output.WriteLine($"  {script.Version:000}-{script.Name}: applied");
        return true;
    }

    private static async Task<(string Checksum, DateTime AppliedOn)?> ReadRecordedAsync(
        NpgsqlConnection connection, int version, CancellationToken cancellationToken)
    {
        // Before 001 has run the version table does not exist yet: nothing is recorded.
        await using var command = new NpgsqlCommand(
            "SELECT to_regclass('spinschemaversion') IS NOT NULL", connection);
        if (!(bool)(await command.ExecuteScalarAsync(cancellationToken))!)
        {
            return null;
        }

        command.CommandText = "SELECT Checksum, AppliedOn FROM SpinSchemaVersion WHERE Version = @version";
        command.Parameters.AddWithValue("version", version);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? (reader.GetString(0), reader.GetDateTime(1)) : null;
    }

    private static void EnsureUnchanged(SchemaScript script, string recordedChecksum)
    {
        if (recordedChecksum != script.Checksum)
        {
            throw new SchemaSetupException(
                $"{script.Version:000}-{script.Name}.sql was changed after it was applied to this database. Applied files are " +
                "never edited: put the change in a new, higher-numbered file.");
        }
    }

    private static async Task ExecuteScriptAsync(NpgsqlConnection connection, SchemaScript script, CancellationToken cancellationToken)
    {
        // One batch, one round trip; a batch of statements rather than one command so that an error names its statement.
        var statements = SqlStatements.Split(script.Sql);
        await using var batch = new NpgsqlBatch(connection);
        foreach (var statement in statements)
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand(statement.Text));
        }

        try
        {
            await batch.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (PostgresException e)
        {
            var failed = e.BatchCommand is null ? -1 : batch.BatchCommands.IndexOf(e.BatchCommand);
            var line = failed < 0 ? "" : $" (line {SchemaErrorLocation.Line(script.Sql, statements[failed], e.Position)})";
            throw new SchemaSetupException(
                $"{script.Version:000}-{script.Name}.sql{line}: {e.SqlState} {e.MessageText}. Nothing of this file was applied.", e);
        }
    }

    private static async Task ExecuteAsync(
        NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

/// <summary>What a setup run did, and the highest version the database now has (it may know files this tool does not).</summary>
public sealed record SchemaReport(IReadOnlyList<SchemaScript> Applied, IReadOnlyList<SchemaScript> Skipped, int DatabaseVersion);
