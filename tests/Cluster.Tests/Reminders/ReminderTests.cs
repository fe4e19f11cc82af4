using Microsoft.Extensions.DependencyInjection;
using Spin.Cluster.Tests.Infrastructure;
using Spin.Cluster.Tests.TestGrains;

namespace Spin.Cluster.Tests.Reminders;

[Collection(ClusterCollection.Name)]
public sealed class ReminderTests(ClusterFixture cluster)
{
    [Fact]
    public async Task RegistersFindsAndUnregistersAReminder()
    {
        var grain = cluster.ClusterClient.GetGrain<IReminderProbeGrain>($"reminder-{Guid.NewGuid():N}");

        await grain.Register("tick", TimeSpan.FromMinutes(10));

        Assert.Equal("tick", await grain.Find("tick"));
        Assert.Equal(1L, await CountRowsAsync(grain));

        await grain.Unregister("tick");

        Assert.Null(await grain.Find("tick"));
        Assert.Equal(0L, await CountRowsAsync(grain));
    }

    [Fact]
    public async Task StaleETagCannotRemoveAReminderAndRangeReadsFindIt()
    {
        var table = cluster.Silo.Services.GetRequiredService<IReminderTable>();
        var grainId = GrainId.Create("reminderprobe", $"table-{Guid.NewGuid():N}");
        var entry = new ReminderEntry { GrainId = grainId, ReminderName = "r", StartAt = DateTime.UtcNow, Period = TimeSpan.FromDays(30) };
        var hash = grainId.GetUniformHashCode();

        var stale = await table.UpsertRow(entry) ?? "";
        var current = await table.UpsertRow(entry) ?? "";

        Assert.NotEqual("", stale);
        Assert.NotEqual(stale, current);
        Assert.Contains((await table.ReadRows(unchecked(hash - 1), hash)).Reminders, Is(grainId));
        Assert.DoesNotContain((await table.ReadRows(hash, unchecked(hash - 1))).Reminders, Is(grainId));
        Assert.Contains((await table.ReadRows(hash, hash)).Reminders, Is(grainId));
        Assert.False(await table.RemoveRow(grainId, "r", stale));
        Assert.True(await table.RemoveRow(grainId, "r", current));
        Assert.Null(await table.ReadRow(grainId, "r"));
    }

    private static Predicate<ReminderEntry> Is(GrainId grainId) => reminder => reminder.GrainId == grainId;

    private Task<long> CountRowsAsync(IReminderProbeGrain grain) => cluster.Database.ScalarAsync<long>(
        "SELECT count(*) FROM OrleansReminders WHERE ServiceId = @service AND GrainId = @grain",
        ("service", cluster.ServiceId), ("grain", grain.GetGrainId().ToString()));
}
