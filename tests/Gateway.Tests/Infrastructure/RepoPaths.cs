namespace Spin.Gateway.Tests.Infrastructure;

/// <summary>Locates the repository and the built programs the end-to-end tests start as processes.</summary>
public static class RepoPaths
{
    /// <summary>The repository root (the folder holding Spin.Orleans.sln).</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The build configuration of the running tests (Debug or Release), so processes match the build.</summary>
    public static string Configuration { get; } =
        new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;

    /// <summary>The Gateway's entry assembly.</summary>
    public static string GatewayDll => Program("src/Gateway", "Spin.Gateway.dll");

    /// <summary>The silo's entry assembly.</summary>
    public static string SiloDll => Program("src/Silo", "Spin.Silo.dll");

    /// <summary>The chain simulator's entry assembly.</summary>
    public static string SimulatorDll => Program("tools/ChainSimulator", "Spin.ChainSimulator.dll");

    private static string Program(string project, string dll)
    {
        var path = Path.Combine(Root, project, "bin", Configuration, "net10.0", dll);
        return File.Exists(path) ? path : throw new FileNotFoundException($"Build {project} ({Configuration}) first.", path);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Spin.Orleans.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Spin.Orleans.sln not found above the test directory.");
    }
}
