using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Runtime;
using Microsoft.Extensions.Options;

namespace Spin.Silo.Memory;

/// <summary>Hands the memory of deactivated grains back to the operating system once the silo goes quiet. The GC only
/// runs when the process allocates, so an idle silo that just deactivated thousands of grains would otherwise keep their
/// memory committed indefinitely; here, after <see cref="SpinGrainOptions.TrimAfterDeactivations"/> deactivations and a
/// check interval with next to no allocation, one aggressive full collection compacts the heap and decommits what it
/// freed.</summary>
public sealed partial class IdleMemoryTrimmer : BackgroundService, IActivationWorkingSetObserver
{
    private readonly IOptions<SpinGrainOptions> _options;
    private readonly ILogger<IdleMemoryTrimmer> _logger;
    private long _deactivated;
    private long _trims;
    private long _trimmedBytes;

    public IdleMemoryTrimmer(IOptions<SpinGrainOptions> options, IMeterFactory meters, ILogger<IdleMemoryTrimmer> logger)
    {
        (_options, _logger) = (options, logger);
        var meter = meters.Create(Telemetry.IngestMetrics.MeterName);
        meter.CreateObservableCounter("spin.memory.trims", () => Trims, "{collection}",
            "Full collections run because grains were deactivated and the silo was idle");
        meter.CreateObservableCounter("spin.memory.trimmed", () => TrimmedBytes, "By", "Committed memory those collections handed back");
    }

    /// <summary>Grains deactivated since the last trim.</summary>
    public long DeactivatedSinceTrim => Interlocked.Read(ref _deactivated);

    /// <summary>Trims done since the process started.</summary>
    public long Trims => Interlocked.Read(ref _trims);

    /// <summary>Committed memory the trims handed back, in bytes.</summary>
    public long TrimmedBytes => Interlocked.Read(ref _trimmedBytes);

    void IActivationWorkingSetObserver.OnDeactivated(IActivationWorkingSetMember member) => Interlocked.Increment(ref _deactivated);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var grains = _options.Value;
        var policy = new IdleTrimPolicy(grains.TrimAfterDeactivations, grains.IdleAllocationBytes);
        using var timer = new PeriodicTimer(grains.CollectionQuantum);
        policy.ShouldTrim(DeactivatedSinceTrim, GC.GetTotalAllocatedBytes());
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            if (policy.ShouldTrim(DeactivatedSinceTrim, GC.GetTotalAllocatedBytes()))
            {
                Trim();
            }
        }
    }

    private void Trim()
    {
        var deactivated = Interlocked.Exchange(ref _deactivated, 0);
        var before = GC.GetGCMemoryInfo().TotalCommittedBytes;
        var started = Stopwatch.GetTimestamp();
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        var after = GC.GetGCMemoryInfo().TotalCommittedBytes;
        Interlocked.Increment(ref _trims);
        Interlocked.Add(ref _trimmedBytes, Math.Max(0, before - after));
        LogInformationTrimmed(_logger, deactivated, (before - after) / (1024 * 1024), after / (1024 * 1024), Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "{Deactivated} grains were deactivated and the silo is idle: a full collection handed back {FreedMiB} MiB ({CommittedMiB} MiB still committed) in {Milliseconds:F0} ms")]
    private static partial void LogInformationTrimmed(ILogger logger, long deactivated, long freedMiB, long committedMiB, double milliseconds);
}
