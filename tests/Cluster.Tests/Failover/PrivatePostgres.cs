using System.Diagnostics;
using Npgsql;
using Spin.Gateway.Tests.Infrastructure;

namespace Spin.Cluster.Tests.Failover;

/// <summary>A PostgreSQL server of the test's own (initdb into a temporary directory, <c>pg_ctl</c> on a free port),
/// which the test may stop and start without touching the machine's shared server. PostgreSQL refuses to run as root,
/// so as root its commands run as the <c>postgres</c> user through <c>runuser</c>.</summary>
public sealed class PrivatePostgres : IAsyncDisposable
{
    private readonly string _bin;
    private readonly string _root;

    private PrivatePostgres(string bin, string root, int port) => (_bin, _root, Port) = (bin, root, port);

    /// <summary>The TCP port on 127.0.0.1.</summary>
    public int Port { get; }

    /// <summary>The superuser's connection string (trust authentication, maintenance database).</summary>
    public string AdminConnectionString =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres;Timeout=5;Command Timeout=10";

    private string DataDirectory => Path.Combine(_root, "data");

    /// <summary>Creates and starts the server.</summary>
    public static async Task<PrivatePostgres> StartAsync()
    {
        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(v => Path.Combine(v, "bin")).Where(b => File.Exists(Path.Combine(b, "initdb")))
                .OrderByDescending(b => int.TryParse(Path.GetFileName(Path.GetDirectoryName(b)), out var v) ? v : 0).FirstOrDefault()
            : null;
        if (bin is null)
        {
            throw new InvalidOperationException("No /usr/lib/postgresql/<version>/bin/initdb: install PostgreSQL (apt-get install postgresql).");
        }

        var root = (await RunAsync("mktemp", ["-d", Path.Combine(Path.GetTempPath(), "spin-pg-XXXXXX")])).Trim();
        var server = new PrivatePostgres(bin, root, FreePort.Get());
        try
        {
            await RunAsync(Path.Combine(bin, "initdb"), ["-D", server.DataDirectory, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync"]);
            await server.StartAgainAsync();
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }

        return server;
    }

    /// <summary><c>pg_ctl stop -m fast</c>: clients are disconnected, the server is down until started again.</summary>
    public Task StopAsync() => RunAsync(Path.Combine(_bin, "pg_ctl"), ["-D", DataDirectory, "-m", "fast", "-w", "stop"]);

    /// <summary><c>pg_ctl start</c>, waiting until the server accepts connections.</summary>
    public async Task StartAgainAsync()
    {
        await RunAsync(Path.Combine(_bin, "pg_ctl"),
        [
            "-D", DataDirectory, "-l", Path.Combine(_root, "server.log"), "-w", "-t", "60",
            "-o", $"-p {Port} -c listen_addresses=127.0.0.1 -c unix_socket_directories={_root} -c max_connections=300 -c fsync=off", "start",
        ]);
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
    }

    /// <summary>The end of the server's log.</summary>
    public string LogTail(int lines = 20)
    {
        var log = Path.Combine(_root, "server.log");
        return File.Exists(log) ? string.Join(Environment.NewLine, File.ReadLines(log).TakeLast(lines)) : "(no server log)";
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (File.Exists(Path.Combine(DataDirectory, "postmaster.pid")))
        {
            await RunAsync(Path.Combine(_bin, "pg_ctl"), ["-D", DataDirectory, "-m", "immediate", "-w", "stop"]);
        }

        Directory.Delete(_root, recursive: true);
    }

    // As root, PostgreSQL's tools run as postgres (initdb and the server refuse root); the files are then theirs.
    private static async Task<string> RunAsync(string program, IReadOnlyList<string> arguments)
    {
        var asPostgres = Environment.UserName == "root";
        var info = new ProcessStartInfo(asPostgres ? "runuser" : program)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var argument in asPostgres ? ["-u", "postgres", "--", program, .. arguments] : arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {info.FileName}.");
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"'{info.FileName} {string.Join(' ', info.ArgumentList)}' failed ({process.ExitCode}): {await error}{await output}" +
                (asPostgres ? " (running as root: the postgres user must exist and be allowed to write to the temp directory)" : ""));
        }

        return await output;
    }
}
