using Npgsql;
using Spin.Cluster.Tests.Infrastructure;
using Spin.DbSetup;

namespace Spin.Cluster.Tests.Failover;

/// <summary>The PostgreSQL database a failover cluster keeps its membership (and listener lease) in: a fresh
/// <see cref="TestDatabase"/> on the shared server, or a database on a <see cref="PrivatePostgres"/> that a test may
/// stop and start.</summary>
public sealed class ClusterDatabase : IAsyncDisposable
{
    private readonly IAsyncDisposable? _owner;

    private ClusterDatabase(string connectionString, IAsyncDisposable? owner) => (ConnectionString, _owner) = (connectionString, owner);

    /// <summary>The Npgsql connection string the processes get.</summary>
    public string ConnectionString { get; }

    /// <summary>A fresh database on the shared test server, dropped on dispose.</summary>
    public static async Task<ClusterDatabase> CreateAsync()
    {
        var database = await TestDatabase.CreateAsync();
        return new ClusterDatabase(database.ConnectionString, database);
    }

    /// <summary>A database on a private server with the schema applied as <c>Spin.DbSetup --create-database</c>
    /// does; it goes away with the server.</summary>
    public static async Task<ClusterDatabase> CreateOnAsync(PrivatePostgres server)
    {
        var connectionString = new NpgsqlConnectionStringBuilder(server.AdminConnectionString) { Database = "spin_failover" }.ConnectionString;
        await SchemaSetup.RunAsync(connectionString, createDatabase: true, TextWriter.Null, CancellationToken.None);
        return new ClusterDatabase(connectionString, null);
    }

    /// <summary>Runs a scalar query.</summary>
    public async Task<T> ScalarAsync<T>(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
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
        NpgsqlConnection.ClearAllPools();
        if (_owner is not null)
        {
            await _owner.DisposeAsync();
        }
    }
}
