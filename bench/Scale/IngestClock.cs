using Spin.Bench.Push;
using Spin.Gateway.Tests.Infrastructure;

namespace Spin.Bench.Scale;

/// <summary>The cluster's ingest clock: every 100 ms it sums <c>spin_ingest_events_total</c> (events decoded from
/// successful transactions and applied, i.e. on the mint's silo, its replica and its PostgreSQL manifest) over the
/// silos' <c>/metrics</c>, with a CPU snapshot of every process of the cluster and of the machine.</summary>
public sealed class IngestClock : IAsyncDisposable
{
    /// <summary>The counter the clock reads.</summary>
    public const string Series = "spin_ingest_events_total";

    private static readonly TimeSpan Period = TimeSpan.FromMilliseconds(100);
    private readonly ScaleCluster _cluster;
    private readonly Dictionary<string, int?> _pids;
    private readonly List<(long Count, CpuSnapshot Cpu)> _samples = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampling;

    private IngestClock(ScaleCluster cluster)
    {
        _cluster = cluster;
        _pids = cluster.Silos.ToDictionary(s => s.Name, _ => (int?)null);
        _pids["gateway"] = null;
        _pids["simulator"] = null;
        _sampling = SampleAsync();
    }

    /// <summary>Starts sampling.</summary>
    public static IngestClock Start(ScaleCluster cluster) => new(cluster);

    /// <summary>The counter summed over the running silos.</summary>
    public static async Task<long> CountAsync(ScaleCluster cluster)
    {
        var values = await Task.WhenAll(cluster.Silos.Where(s => s.IsRunning).Select(s => s.MetricAsync(Series)));
        return (long)values.Sum(v => v ?? 0);
    }

    /// <summary>Waits until the counter reaches <paramref name="to"/>, then returns the window from the last sample at or
    /// below <paramref name="from"/> (before the first live event was applied) to the first sample at or above it.</summary>
    public async Task<IngestWindow> UntilAsync(long from, long to)
    {
        await _cluster.WithTails(() => Eventually.HoldsAsync(() =>
        {
            lock (_samples)
            {
                var last = _samples.Count == 0 ? -1 : _samples[^1].Count;
                return Task.FromResult((last >= to, $"{Series} summed over the silos: {last} of {to}"));
            }
        }, ScaleCluster.Patience, "every live event to be applied"));
        lock (_samples)
        {
            var end = _samples.FindIndex(s => s.Count >= to);
            var start = _samples.FindLastIndex(end, s => s.Count <= from);
            if (start < 0)
            {
                throw new InvalidOperationException($"the clock started after the first live event was applied ({_samples[0].Count} > {from})");
            }

            return new IngestWindow(to - from, _samples[start].Cpu, _samples[end].Cpu);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _sampling;
        _stop.Dispose();
    }

    private async Task SampleAsync()
    {
        using var timer = new PeriodicTimer(Period);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                long count;
                try
                {
                    count = await CountAsync(_cluster);
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                {
                    continue;
                }

                var cpu = CpuSampler.Take(FindProcesses());
                lock (_samples)
                {
                    _samples.Add((count, cpu));
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }
    }

    // Each process is found by arguments only it has; the streaming simulator by its non-zero --transactions.
    private Dictionary<string, int?> FindProcesses()
    {
        foreach (var silo in _cluster.Silos)
        {
            _pids[silo.Name] ??= CpuSampler.FindProcess("Spin.Silo.dll", $"{silo.DataPath} ");
        }

        _pids["gateway"] ??= CpuSampler.FindProcess("Spin.Gateway.dll", $"{_cluster.Gateway.BaseAddress.Authority} ");
        _pids["simulator"] ??= CpuSampler.FindProcess("Spin.ChainSimulator.dll", $"--port {_cluster.SimulatorPort} ", _cluster.StreamMarker);
        return _pids;
    }
}
