using System.Diagnostics;
using Npgsql;

namespace Spin.Cluster.Tests.Infrastructure;

/// <summary>The real PostgreSQL the tests run against. <c>SPIN_TEST_POSTGRES</c> holds an Npgsql connection string
/// for a role that may create databases; the default is the <c>spin_test</c> role that scripts/test.sh provisions
/// on the local server. A local server that is not running is started with <c>pg_ctlcluster</c>.</summary>
public static class TestPostgres
{
    /// <summary>The environment variable that overrides <see cref="DefaultConnectionString"/>.</summary>
    public const string EnvironmentVariable = "SPIN_TEST_POSTGRES";

    /// <summary>Used when <see cref="EnvironmentVariable"/> is not set.</summary>
    public const string DefaultConnectionString = "Host=localhost;Port=5432;Username=spin_test;Password=spin_test;Database=postgres";

    private static readonly Lazy<Task> Running = new(EnsureRunningAsync);

    /// <summary>The connection string of the server's maintenance database.</summary>
    public static string AdminConnectionString =>
        Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } configured ? configured : DefaultConnectionString;

    /// <summary>Completes once the server accepts connections (starting it once per test run if needed).</summary>
    public static Task WhenRunning() => Running.Value;

    private static async Task EnsureRunningAsync()
    {
        try
        {
            await PingAsync();
            return;
        }
        catch (NpgsqlException e) when (e is not PostgresException)
        {
            // Nothing answered: the local cluster is probably stopped. Anything else (a wrong password) is the
            // caller's to fix, so it surfaces from the ping below.
        }

        await StartLocalClusterAsync();
        await PingAsync();
    }

    private static async Task PingAsync()
    {
        try
        {
            await using var connection = new NpgsqlConnection(AdminConnectionString);
            await connection.OpenAsync();
        }
        catch (PostgresException e)
        {
            throw new InvalidOperationException(
                $"PostgreSQL refused the test login ({e.SqlState} {e.MessageText}). Run scripts/test.sh once, which creates the " +
                $"spin_test role, or set {EnvironmentVariable} to a connection string of a role with CREATEDB.", e);
        }
    }

    private static async Task StartLocalClusterAsync()
    {
        // pg_lsclusters -h prints "<version> <name> <port> <status> ...", one line per cluster.
        var clusters = await RunAsync("pg_lsclusters", "-h");
        var first = clusters.Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()?.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            ?? throw new InvalidOperationException("PostgreSQL is not reachable and pg_lsclusters lists no cluster: apt-get install postgresql.");
        // pg_ctlcluster start waits until the server accepts connections.
        await RunAsync("pg_ctlcluster", $"{first[0]} {first[1]} start");
    }

    private static async Task<string> RunAsync(string program, string arguments)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        using var process = Process.Start(new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })
            ?? throw new InvalidOperationException($"Could not start {program}.");
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"PostgreSQL is not reachable, and '{program} {arguments}' failed: {await error}");
        }

        return await output;
    }
}
