namespace Spin.Cluster.Tests.TestGrains;

/// <summary>A test grain that registers, finds and unregisters its reminders.</summary>
[Alias("Spin.Cluster.Tests.TestGrains.IReminderProbeGrain")]
public interface IReminderProbeGrain : IGrainWithStringKey
{
    /// <summary>Registers (or updates) a reminder.</summary>
    [Alias("Register")]
    Task Register(string name, TimeSpan period);

    /// <summary>The reminder's name when it is registered, else null.</summary>
    [Alias("Find")]
    Task<string?> Find(string name);

    /// <summary>Unregisters the reminder if it is registered.</summary>
    [Alias("Unregister")]
    Task Unregister(string name);
}
