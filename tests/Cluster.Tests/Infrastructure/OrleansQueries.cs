using System.Data;
using Npgsql;

namespace Spin.Cluster.Tests.Infrastructure;

/// <summary>Runs a stored OrleansQuery text the way the ADO.NET providers do: the text verbatim, named parameters
/// with an explicit DbType, autocommit, every row of every result set.</summary>
public static class OrleansQueries
{
    /// <summary>A named parameter as Orleans binds it.</summary>
    public readonly record struct Parameter(string Name, DbType Type, object? Value);

    /// <summary>Executes the text stored under <paramref name="queryKey"/> and returns all rows.</summary>
    public static async Task<List<object?[]>> RunAsync(TestDatabase database, string queryKey, params Parameter[] parameters)
    {
        await using var connection = await database.OpenAsync();
        await using var lookup = new NpgsqlCommand("SELECT QueryText FROM OrleansQuery WHERE QueryKey = @key", connection);
        lookup.Parameters.AddWithValue("key", queryKey);
        await using var command = new NpgsqlCommand((string)(await lookup.ExecuteScalarAsync())!, connection);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter(parameter.Name, parameter.Type) { Value = parameter.Value ?? DBNull.Value });
        }

        var rows = new List<object?[]>();
        await using var reader = await command.ExecuteReaderAsync();
        do
        {
            while (await reader.ReadAsync())
            {
                var row = new object?[reader.FieldCount];
                reader.GetValues(row!);
                rows.Add([.. row.Select(value => value is DBNull ? null : value)]);
            }
        }
        while (await reader.NextResultAsync());

        return rows;
    }

    /// <summary>Executes a key whose result is a single boolean (exactly one column, one row) and returns it.</summary>
    public static async Task<bool> RunBooleanAsync(TestDatabase database, string queryKey, params Parameter[] parameters)
    {
        var row = Assert.Single(await RunAsync(database, queryKey, parameters));
        return Convert.ToBoolean(Assert.Single(row));
    }
}
