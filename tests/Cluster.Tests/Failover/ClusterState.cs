using Npgsql;
using Spin.Gateway.Tests.Infrastructure;

namespace Spin.Cluster.Tests.Failover;

/// <summary>What a failover cluster says about itself: active members in the membership table, the listener status
/// each silo's /health reports, and its /metrics.</summary>
public static class ClusterState
{
    /// <summary>Waits until the membership table lists exactly the running silos as active (Status 3), one row each;
    /// returns how long that took.</summary>
    public static async Task<TimeSpan> WaitForActiveSilosAsync(this FailoverCluster cluster, int count, TimeSpan timeout)
    {
        var started = DateTime.UtcNow;
        await cluster.WithTails(() => Eventually.HoldsAsync(async () =>
        {
            var running = cluster.Silos.Where(s => s.IsRunning).Select(s => s.Name).Order(StringComparer.Ordinal).ToList();
            List<string> active;
            try
            {
                active = await cluster.ActiveSilosAsync();
            }
            catch (NpgsqlException ex)
            {
                return (false, $"membership table unreadable: {ex.Message}");
            }

            return (active.Count == count && active.SequenceEqual(running), $"active [{string.Join(",", active)}], running [{string.Join(",", running)}]");
        }, timeout, $"{count} active silos in the membership table"));
        return DateTime.UtcNow - started;
    }

    /// <summary>The names of the membership rows with Status 3 (active), sorted.</summary>
    public static async Task<List<string>> ActiveSilosAsync(this FailoverCluster cluster)
    {
        var names = await cluster.Database.ScalarAsync<object>(
            "SELECT string_agg(SiloName, ',' ORDER BY SiloName) FROM OrleansMembership WHERE DeploymentId = @id AND Status = 3", ("id", cluster.ClusterId));
        return names is string list ? [.. list.Split(',')] : [];
    }

    /// <summary>Every silo's listener status from its /health (<c>down</c> for a stopped silo).</summary>
    public static async Task<Dictionary<string, string>> ListenerStatusesAsync(this FailoverCluster cluster)
    {
        var statuses = await Task.WhenAll(cluster.Silos.Select(async s => (s.Name, Status: await s.ListenerStatusAsync())));
        return statuses.ToDictionary(s => s.Name, s => s.Status);
    }

    /// <summary>Waits until exactly one running silo's /health says the listener is <c>running</c>; returns its name
    /// and how long that took.</summary>
    public static async Task<(string Holder, TimeSpan Elapsed)> WaitForListenerHolderAsync(this FailoverCluster cluster, TimeSpan timeout)
    {
        var started = DateTime.UtcNow;
        string? holder = null;
        await cluster.WithTails(() => Eventually.HoldsAsync(async () =>
        {
            var statuses = await cluster.ListenerStatusesAsync();
            var running = statuses.Where(s => s.Value == "running").Select(s => s.Key).ToList();
            holder = running.Count == 1 ? running[0] : null;
            return (holder is not null, string.Join(", ", statuses.Select(s => $"{s.Key}: {s.Value}")));
        }, timeout, "exactly one silo to report listener.status = running in /health"));
        return (holder!, DateTime.UtcNow - started);
    }

    /// <summary>The sum over the running silos of a /metrics series (a missing series counts 0; a silo whose /metrics
    /// does not answer fails).</summary>
    public static async Task<(double Sum, string PerSilo)> SumMetricAsync(this FailoverCluster cluster, string series)
    {
        var values = await Task.WhenAll(cluster.Silos.Where(s => s.IsRunning).Select(async s => (s.Name, Value: await s.MetricAsync(series))));
        return (values.Sum(v => v.Value ?? 0), string.Join(", ", values.Select(v => $"{v.Name}: {v.Value?.ToString() ?? "absent"}")));
    }
}
