using System.Diagnostics;
using System.Reflection;
using Spin.Gateway.Tests.Infrastructure;

namespace Spin.Cluster.Tests.Failover;

/// <summary>A graceful stop (SIGTERM, as an orchestrator sends) of a <see cref="TestProcess"/>, which itself only knows
/// SIGKILL.</summary>
public static class ProcessSignals
{
    // TestProcess (shared with Gateway.Tests) keeps its Process private; reading it here keeps that file unchanged.
    private static readonly FieldInfo ProcessField = typeof(TestProcess).GetField("_process", BindingFlags.NonPublic | BindingFlags.Instance)
        ?? throw new InvalidOperationException("TestProcess no longer has a _process field; update ProcessSignals.");

    /// <summary>Sends SIGTERM and waits for the process to end; true if it ended by itself within
    /// <paramref name="timeout"/>, otherwise it is SIGKILLed and the answer is false.</summary>
    public static async Task<bool> TerminateAsync(TestProcess process, TimeSpan timeout)
    {
        var inner = (Process)ProcessField.GetValue(process)!;
        if (inner.HasExited)
        {
            return true;
        }

        using (var kill = Process.Start(new ProcessStartInfo("kill", ["-TERM", inner.Id.ToString()]) { UseShellExecute = false })!)
        {
            await kill.WaitForExitAsync();
        }

        try
        {
            await inner.WaitForExitAsync().WaitAsync(timeout);
            return true;
        }
        catch (TimeoutException)
        {
            await process.KillAsync();
            return false;
        }
    }
}
