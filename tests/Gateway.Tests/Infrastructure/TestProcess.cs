using System.Collections.Concurrent;
using System.Diagnostics;

namespace Spin.Gateway.Tests.Infrastructure;

/// <summary>A real child process (<c>dotnet app.dll args</c>) whose output is kept for failure messages and, when
/// <c>SPIN_TEST_LOG_DIR</c> names a directory, appended in full with timestamps to <c>NAME.log</c> there (to study a
/// failover run after the fact).</summary>
public sealed class TestProcess : IAsyncDisposable
{
    /// <summary>The environment variable naming the directory of full process logs.</summary>
    public const string LogDirVariable = "SPIN_TEST_LOG_DIR";

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly StreamWriter? _log;

    private TestProcess(Process process, string name)
    {
        _process = process;
        Name = name;
        if (Environment.GetEnvironmentVariable(LogDirVariable) is { Length: > 0 } dir)
        {
            Directory.CreateDirectory(dir);
            _log = new StreamWriter(Path.Combine(dir, $"{name}.log"), append: true) { AutoFlush = true };
        }
    }

    /// <summary>A short name for messages.</summary>
    public string Name { get; }

    /// <summary>The operating system's id of the process (for <c>/proc/&lt;pid&gt;</c>).</summary>
    public int Id => _process.Id;

    /// <summary>True once the process ended.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>Starts <c>dotnet <paramref name="dll"/></c> with the arguments and environment given.</summary>
    public static TestProcess Start(string name, string dll, IEnumerable<string> arguments, IDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(dll);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["DOTNET_ENVIRONMENT"] = "Production";
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var result = new TestProcess(process, name);
        process.OutputDataReceived += (_, e) => result.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => result.Keep(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return result;
    }

    /// <summary>The last lines the process printed.</summary>
    public string Tail(int lines = 40) => string.Join(Environment.NewLine, _output.TakeLast(lines));

    /// <summary>Waits for the process to end by itself and returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        await _process.WaitForExitAsync().WaitAsync(timeout);
        return _process.ExitCode;
    }

    /// <summary>SIGKILL: no shutdown code runs, as in a crash.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
        if (_log is not null)
        {
            lock (_log)
            {
                _log.Dispose();
            }
        }
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue($"[{Name}] {line}");
        if (_log is not null)
        {
            lock (_log)
            {
                if (_log.BaseStream is not null)
                {
                    _log.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} {line}");
                }
            }
        }

        while (_output.Count > 400)
        {
            _output.TryDequeue(out _);
        }
    }
}
