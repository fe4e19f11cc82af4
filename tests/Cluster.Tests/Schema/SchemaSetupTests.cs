using Npgsql;
using Spin.Cluster.Tests.Infrastructure;
using Spin.DbSetup;

namespace Spin.Cluster.Tests.Schema;

[Collection(ClusterCollection.Name)]
public sealed class SchemaSetupTests(ClusterFixture cluster)
{
    [Fact]
    public async Task SecondRunOnPopulatedDatabaseChangesNothing()
    {
        await cluster.ClusterClient.GetGrain<TestGrains.IProbeGrain>($"schema-{Guid.NewGuid():N}").Save("populated");
        var lease = $"schema-{Guid.NewGuid():N}";
        await cluster.Database.ScalarAsync<long>(
            "INSERT INTO SpinListenerLease (ServiceId, ProgramId, Holder, ExpiresAt, Token, CursorSlot, CursorSignature) " +
            "VALUES (@Lease, 'program', 'silo-a', now() + interval '1 hour', 7, 42, 'sig') RETURNING Token", ("Lease", lease));
        var leaseRow = await LeaseRowAsync(lease);
        var before = await SchemaDump.TakeAsync(cluster.Database);

        var output = new StringWriter();
        var report = await SchemaSetup.RunAsync(cluster.Database.ConnectionString, createDatabase: true, output, CancellationToken.None);

        Assert.Empty(report.Applied);
        Assert.Equal([1, 2, 3, 4, 5], report.Skipped.Select(script => script.Version));
        Assert.Contains("0 applied, 5 already present", output.ToString());
        Assert.Equal(before, await SchemaDump.TakeAsync(cluster.Database));
        Assert.Equal(leaseRow, await LeaseRowAsync(lease));
    }

    // The listener's lease row with its xmin, which any rewrite of the row changes.
    private Task<string> LeaseRowAsync(string serviceId) => cluster.Database.ScalarAsync<string>(
        "SELECT xmin::text || ' ' || Holder || ' ' || Token || ' ' || CursorSlot || ' ' || CursorSignature FROM SpinListenerLease WHERE ServiceId = @ServiceId",
        ("ServiceId", serviceId));

    [Fact]
    public async Task ReExecutingEveryFileKeepsTheSchemaAndEditedQueries()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using (var connection = await database.OpenAsync())
        {
            await Execute(connection, "UPDATE OrleansQuery SET QueryText = QueryText || ' -- tuned' WHERE QueryKey = 'GatewaysQueryKey'");
        }

        var before = await SchemaDump.TakeAsync(database);

        await using (var connection = await database.OpenAsync())
        {
            foreach (var script in SchemaScript.LoadEmbedded())
            {
                await Execute(connection, script.Sql);
            }
        }

        Assert.Equal(before, await SchemaDump.TakeAsync(database));
        Assert.EndsWith("-- tuned", await database.ScalarAsync<string>("SELECT QueryText FROM OrleansQuery WHERE QueryKey = 'GatewaysQueryKey'"));
    }

    [Fact]
    public async Task BrokenFileFailsWithItsLineAndLeavesNothingBehind()
    {
        await using var database = await TestDatabase.CreateAsync();
        var broken = SchemaScript.Parse("006-broken.sql", "CREATE TABLE Good (Id integer);\n\nCREATE TABLE Bad (Id no_such_type);\n");

        var error = await Assert.ThrowsAsync<SchemaSetupException>(() =>
            new SchemaMigrator(database.ConnectionString, TextWriter.Null).ApplyAsync([.. SchemaScript.LoadEmbedded(), broken], CancellationToken.None));

        Assert.StartsWith("006-broken.sql (line 3): 42704", error.Message);
        Assert.False(await database.ScalarAsync<bool>("SELECT to_regclass('good') IS NOT NULL"));
        Assert.False(await database.ScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM SpinSchemaVersion WHERE Version = 6)"));
    }

    [Fact]
    public async Task FileEditedAfterItWasAppliedIsRefused()
    {
        await using var database = await TestDatabase.CreateAsync();
        var scripts = SchemaScript.LoadEmbedded();
        var edited = scripts[0] with { Sql = scripts[0].Sql + "\n-- edited\n" };

        var error = await Assert.ThrowsAsync<SchemaSetupException>(() =>
            new SchemaMigrator(database.ConnectionString, TextWriter.Null).ApplyAsync([edited, .. scripts.Skip(1)], CancellationToken.None));

        Assert.Contains("001-main.sql was changed after it was applied", error.Message);
    }

    private static async Task Execute(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
