using System.Globalization;

namespace Spin.Bench.Push;

/// <summary>CPU time of named processes and of the whole machine at one moment (Linux <c>/proc</c>).</summary>
public sealed record CpuSnapshot(DateTime At, IReadOnlyDictionary<string, long?> ProcessTicks, long MachineBusy, long MachineTotal);

/// <summary>CPU use over an interval: per process in % of one core, and the machine's busy share of all its cores.</summary>
public sealed record CpuUse(IReadOnlyDictionary<string, double?> ProcessPercent, double? MachinePercent);

/// <summary>Samples <c>/proc/[pid]/stat</c> and <c>/proc/stat</c>; where they do not exist, reports nothing.</summary>
public static class CpuSampler
{
    // USER_HZ: the unit of /proc CPU times on every Linux a .NET runtime supports.
    private const double TicksPerSecond = 100;

    /// <summary>Takes a snapshot of the processes given by name and id.</summary>
    public static CpuSnapshot Take(IReadOnlyDictionary<string, int?> pids)
    {
        var (busy, total) = Machine();
        return new CpuSnapshot(DateTime.UtcNow, pids.ToDictionary(p => p.Key, p => p.Value is { } pid ? ProcessTicks(pid) : null), busy, total);
    }

    /// <summary>The use between two snapshots.</summary>
    public static CpuUse Between(CpuSnapshot from, CpuSnapshot to)
    {
        var seconds = (to.At - from.At).TotalSeconds;
        var processes = to.ProcessTicks.ToDictionary(p => p.Key, p =>
            p.Value is { } end && from.ProcessTicks.GetValueOrDefault(p.Key) is { } start ? (end - start) / TicksPerSecond / seconds * 100 : (double?)null);
        var total = to.MachineTotal - from.MachineTotal;
        return new CpuUse(processes, total > 0 ? 100.0 * (to.MachineBusy - from.MachineBusy) / total : null);
    }

    /// <summary>The id of the process whose command line contains every one of <paramref name="markers"/>.</summary>
    public static int? FindProcess(params string[] markers)
    {
        if (!Directory.Exists("/proc"))
        {
            return null;
        }

        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid))
            {
                continue;
            }

            try
            {
                var command = File.ReadAllText(Path.Combine(dir, "cmdline")).Replace('\0', ' ');
                if (markers.All(m => command.Contains(m, StringComparison.Ordinal)))
                {
                    return pid;
                }
            }
            catch (IOException)
            {
                // The process ended while being looked at.
            }
        }

        return null;
    }

    private static long? ProcessTicks(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // Fields after the command name, which is in parentheses and may hold spaces: utime and stime are 14th and 15th.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static (long Busy, long Total) Machine()
    {
        if (!File.Exists("/proc/stat"))
        {
            return (0, 0);
        }

        var values = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(v => long.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        var total = values.Take(8).Sum();
        return (total - values[3] - values[4], total);
    }
}
