namespace Spin.Cluster.Tests.TestGrains;

/// <summary>Registers, finds and unregisters reminders through the silo's reminder service.</summary>
public sealed class ReminderProbeGrain : Grain, IReminderProbeGrain, IRemindable
{
    /// <inheritdoc />
    public Task Register(string name, TimeSpan period) => this.RegisterOrUpdateReminder(name, period, period);

    /// <inheritdoc />
    public async Task<string?> Find(string name) => (await this.GetReminder(name))?.ReminderName;

    /// <inheritdoc />
    public async Task Unregister(string name)
    {
        if (await this.GetReminder(name) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    /// <inheritdoc />
    public Task ReceiveReminder(string reminderName, TickStatus status) => Task.CompletedTask;
}
