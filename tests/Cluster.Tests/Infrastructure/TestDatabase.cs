using Npgsql;
using Spin.DbSetup;

namespace Spin.Cluster.Tests.Infrastructure;

/// <summary>A fresh database with a random name and the Spin schema applied by the DbSetup code; dropped on dispose.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private TestDatabase(string name, string connectionString) => (Name, ConnectionString) = (name, connectionString);

    /// <summary>The database name.</summary>
    public string Name { get; }

    /// <summary>The connection string of this database.</summary>
    public string ConnectionString { get; }

    /// <summary>Creates the database and applies the schema, as <c>Spin.DbSetup --create-database</c> does.</summary>
    public static async Task<TestDatabase> CreateAsync()
    {
        await TestPostgres.WhenRunning();
        var name = $"spin_test_{Guid.NewGuid():N}";
        var connectionString = new NpgsqlConnectionStringBuilder(TestPostgres.AdminConnectionString) { Database = name }.ConnectionString;
        await SchemaSetup.RunAsync(connectionString, createDatabase: true, TextWriter.Null, CancellationToken.None);
        return new TestDatabase(name, connectionString);
    }

    /// <summary>An open connection to this database.</summary>
    public async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>Runs a scalar query with named parameters.</summary>
    public async Task<T> ScalarAsync<T>(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return (T)(await command.ExecuteScalarAsync())!;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearPool(new NpgsqlConnection(ConnectionString));
        await using var connection = new NpgsqlConnection(TestPostgres.AdminConnectionString);
        await connection.OpenAsync();
        // FORCE ends connections that a stopped silo's providers may still hold.
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
