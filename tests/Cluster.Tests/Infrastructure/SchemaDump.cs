using Npgsql;

namespace Spin.Cluster.Tests.Infrastructure;

/// <summary>A comparable snapshot of everything the schema scripts own: relations (with their oid and file node, so a
/// drop-and-recreate or a rewrite shows), columns, constraints, indexes, functions, and the OrleansQuery and
/// SpinSchemaVersion rows with their xmin, so even an update that writes the same values shows.</summary>
public static class SchemaDump
{
    private const string Sql = """
        SELECT 'relation ' || c.relname || ' ' || c.relkind::text || ' oid=' || c.oid || ' file=' || c.relfilenode
        FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace
        UNION ALL
        SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type || ' nullable=' || is_nullable
               || ' default=' || coalesce(column_default, '')
        FROM information_schema.columns WHERE table_schema = 'public'
        UNION ALL
        SELECT 'constraint ' || conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid)
        FROM pg_constraint WHERE connamespace = 'public'::regnamespace
        UNION ALL
        SELECT 'index ' || indexdef FROM pg_indexes WHERE schemaname = 'public'
        UNION ALL
        SELECT 'function ' || p.oid::regprocedure || ' ' || md5(pg_get_functiondef(p.oid))
        FROM pg_proc p WHERE p.pronamespace = 'public'::regnamespace
        UNION ALL
        SELECT 'query ' || QueryKey || ' xmin=' || xmin || ' ' || md5(QueryText) FROM OrleansQuery
        UNION ALL
        SELECT 'version ' || Version || ' ' || Name || ' ' || Checksum || ' ' || AppliedOn || ' xmin=' || xmin
        FROM SpinSchemaVersion
        ORDER BY 1
        """;

    /// <summary>Takes the snapshot, one line per object or row, sorted.</summary>
    public static async Task<IReadOnlyList<string>> TakeAsync(TestDatabase database)
    {
        await using var connection = await database.OpenAsync();
        await using var command = new NpgsqlCommand(Sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var lines = new List<string>();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(0));
        }

        return lines;
    }
}
