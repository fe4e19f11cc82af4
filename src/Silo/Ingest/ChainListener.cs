using System.Threading.Channels;
using Microsoft.Extensions.Options;
using Spin.Chain.Rpc;

namespace Spin.Silo.Ingest;

/// <summary>Keeps the mints in step with the chain: a logsSubscribe stream for latency, and reconciliation passes
/// (on start, after every (re)subscription, on each notification and on a timer) for completeness. In cluster mode it
/// runs only while this silo holds the listener lease (<see cref="PostgresListenerLease"/>) and stands by otherwise.</summary>
public sealed partial class ChainListener(
    SolanaLogsSubscriber subscriber,
    ChainReconciler reconciler,
    IHostApplicationLifetime lifetime,
    IOptions<ChainOptions> options,
    ILogger<ChainListener> logger,
    PostgresListenerLease? lease = null) : BackgroundService
{
    private static readonly TimeSpan PendingRetry = TimeSpan.FromMilliseconds(100);
    // Short enough that ingest resumes within seconds of a cluster change (a silo declared dead, PostgreSQL back), long
    // enough that a dead RPC node sees one request every few seconds.
    private static readonly TimeSpan MaxFailureDelay = TimeSpan.FromSeconds(5);
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private volatile ListenerState _state = options.Value.ListenerEnabled ? ListenerState.Stopped : ListenerState.Disabled;

    /// <summary>What the listener is doing now.</summary>
    public ListenerState State => _state;

    /// <summary>True while the listener runs.</summary>
    public bool Running => _state == ListenerState.Running;

    /// <summary>The silo holding the listener lease as last seen, or null in standalone mode, when it is free or unknown.</summary>
    public string? LeaseHolder => lease?.CurrentHolder;

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.ListenerEnabled)
        {
            return;
        }

        await WaitForStartAsync(stoppingToken);
        if (lease is null)
        {
            await RunAsync(stoppingToken);
        }
        else
        {
            await new ListenerLeaseLoop(lease, RunAsync, state => _state = state, logger).RunAsync(stoppingToken);
        }
    }

    // Runs until cancelled or until the cursor store reports the lease lost (LeaseLostException propagates).
    private async Task RunAsync(CancellationToken cancellationToken)
    {
        var chain = options.Value;
        using var run = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _state = ListenerState.Running;
        LogInformationStarting(logger, chain.ProgramId, chain.Commitment);
        var live = subscriber.RunAsync(chain.ProgramId, chain.Commitment, OnNotification, OnSubscribed, run.Token);
        try
        {
            await ReconcileLoopAsync(run.Token);
        }
        finally
        {
            _state = ListenerState.Stopped;
            await run.CancelAsync();
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
            catch (Exception ex) when (ex is not LeaseLostException && !stoppingToken.IsCancellationRequested)
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
