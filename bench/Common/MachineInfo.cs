using System.Globalization;
using System.Runtime.InteropServices;

namespace Spin.Bench;

/// <summary>What the benches ran on, read from <c>/proc</c> and <c>/etc/os-release</c> where Linux offers them.</summary>
public static class MachineInfo
{
    /// <summary>Cores, CPU model, RAM, OS and .NET, e.g. "2 cores (AMD EPYC 7B13), 23.5 GiB RAM, Debian GNU/Linux 12
    /// (bookworm), .NET 10.0.1".</summary>
    public static string Describe()
    {
        var cpu = ReadField("/proc/cpuinfo", "model name", ':') ?? RuntimeInformation.ProcessArchitecture.ToString();
        var ram = ReadField("/proc/meminfo", "MemTotal", ':') is { } kb
            && long.TryParse(kb.Split(' ')[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var total)
            ? $", {(total / 1024.0 / 1024.0).ToString("F1", CultureInfo.InvariantCulture)} GiB RAM"
            : "";
        var os = ReadField("/etc/os-release", "PRETTY_NAME", '=')?.Trim('"') ?? RuntimeInformation.OSDescription;
        return $"{Environment.ProcessorCount} cores ({cpu}){ram}, {os}, {RuntimeInformation.FrameworkDescription}";
    }

    /// <summary>The 1-minute load average, or "n/a".</summary>
    public static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";

    private static string? ReadField(string path, string name, char separator) =>
        File.Exists(path)
            ? File.ReadLines(path).Select(l => l.Split(separator, 2)).FirstOrDefault(p => p.Length == 2 && p[0].Trim() == name)?[1].Trim()
            : null;
}
