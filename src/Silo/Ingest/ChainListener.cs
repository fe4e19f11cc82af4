using System.Threading.Channels;
using Microsoft.Extensions.Options;
using Spin.Chain.Rpc;

namespace Spin.Silo.Ingest;

/// <summary>Keeps the mints in step with the chain: a logsSubscribe stream for latency, and reconciliation passes
/// (on start, after every (re)subscription, on each notification and on a timer) for completeness.</summary>
public sealed partial class ChainListener(
    SolanaLogsSubscriber subscriber,
    ChainReconciler reconciler,
    IHostApplicationLifetime lifetime,
    IOptions<ChainOptions> options,
    ILogger<ChainListener> logger) : BackgroundService
{
    private static readonly TimeSpan PendingRetry = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan MaxFailureDelay = TimeSpan.FromSeconds(30);
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    /// <summary>True while the listener runs.</summary>
    public bool Running { get; private set; }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var chain = options.Value;
        if (!chain.ListenerEnabled)
        {
            return;
        }

        await WaitForStartAsync(stoppingToken);
        Running = true;
        LogInformationStarting(logger, chain.ProgramId, chain.Commitment);
        var live = subscriber.RunAsync(chain.ProgramId, chain.Commitment, OnNotification, OnSubscribed, stoppingToken);
        try
        {
            await ReconcileLoopAsync(stoppingToken);
        }
        finally
        {
            Running = false;
            await live;
        }
    }

    private ValueTask OnNotification(LogsNotification notification)
    {
        reconciler.Observe(notification);
        _wake.Writer.TryWrite(true);
        return ValueTask.CompletedTask;
    }

    private ValueTask OnSubscribed()
    {
        _wake.Writer.TryWrite(true);
        return ValueTask.CompletedTask;
    }

    private async Task ReconcileLoopAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await reconciler.ReconcileAsync(stoppingToken);
                failures = 0;
                await WaitForWorkAsync(reconciler.HasPendingLive ? PendingRetry : options.Value.ReconcileInterval, stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                failures++;
                var delay = TimeSpan.FromMilliseconds(Math.Min(MaxFailureDelay.TotalMilliseconds, 250 * Math.Pow(2, Math.Min(failures, 10))));
                LogWarningReconcileFailed(logger, ex, failures, delay);
                await Task.Delay(delay, stoppingToken);
            }
        }
    }

    // Returns when woken by a notification or subscription, or when the interval passes.
    private async Task WaitForWorkAsync(TimeSpan interval, CancellationToken stoppingToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        timeout.CancelAfter(interval);
        try
        {
            await _wake.Reader.ReadAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            // The interval passed with nothing new: reconcile anyway to find notifications the node never sent.
        }
    }

    private async Task WaitForStartAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource();
        using var registration = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        await started.Task.WaitAsync(stoppingToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Chain listener starting for program {ProgramId} at commitment {Commitment}")]
    private static partial void LogInformationStarting(ILogger logger, string programId, string commitment);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reconciliation failed ({Failures} in a row); retrying in {Delay}")]
    private static partial void LogWarningReconcileFailed(ILogger logger, Exception exception, int failures, TimeSpan delay);
}
