namespace Spin.Silo.Ingest;

/// <summary>The chain listener in cluster mode: asks for the lease every third of its duration; while this silo holds it,
/// runs the listener and renews the lease at the same pace; stops the listener as soon as a renewal fails or finds the
/// lease taken, then stands by until it gets the lease again; releases it on shutdown so that a peer takes over at once.
/// The listener only ever runs within a lease duration of its last successful renewal.</summary>
internal sealed partial class ListenerLeaseLoop(
    PostgresListenerLease lease, Func<CancellationToken, Task> runListener, Action<ListenerState> setState, ILogger logger)
{
    private static readonly TimeSpan ReleaseTimeout = TimeSpan.FromSeconds(5);
    private readonly TimeSpan _pace = lease.Duration / 3;
    private bool _standingBy;

    /// <summary>Runs until <paramref name="stoppingToken"/> is cancelled.</summary>
    public async Task RunAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                if (await TryAcquireAsync(stoppingToken))
                {
                    _standingBy = false;
                    await RunWhileHeldAsync(stoppingToken);
                }

                if (!stoppingToken.IsCancellationRequested)
                {
                    StandBy();
                    await Task.Delay(_pace, stoppingToken);
                }
            }
        }
        finally
        {
            setState(ListenerState.Stopped);
            await ReleaseAsync();
        }
    }

    private async Task RunWhileHeldAsync(CancellationToken stoppingToken)
    {
        using var held = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var listener = runListener(held.Token);
        try
        {
            while (await Task.WhenAny(listener, Task.Delay(_pace, held.Token)) != listener && await TryAcquireAsync(stoppingToken))
            {
                // Renewed: the listener keeps running.
            }
        }
        finally
        {
            await held.CancelAsync();
            await StoppedAsync(listener, held.Token);
        }
    }

    // The listener stops because it was cancelled above (lease lost, renewal failed, shutdown) or because a cursor write
    // found the lease gone; anything else it throws is a fault and propagates.
    private async Task StoppedAsync(Task listener, CancellationToken held)
    {
        try
        {
            await listener;
        }
        catch (OperationCanceledException) when (held.IsCancellationRequested)
        {
            // Stopped on purpose.
        }
        catch (LeaseLostException ex)
        {
            LogWarningLeaseLost(logger, ex, lease.ProgramId, lease.Holder);
        }
    }

    private async Task<bool> TryAcquireAsync(CancellationToken stoppingToken)
    {
        var (wasHeld, previous) = (lease.Held, lease.Token);
        // An attempt slower than the pace counts as failed, so a holder never runs a whole lease past its last renewal.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        timeout.CancelAfter(_pace);
        try
        {
            var held = await lease.TryAcquireAsync(timeout.Token);
            if (held && lease.Token != previous)
            {
                LogInformationLeaseAcquired(logger, lease.ProgramId, lease.Holder, lease.Token);
            }
            else if (!held && wasHeld)
            {
                LogWarningLeaseTaken(logger, lease.ProgramId, lease.Holder, lease.CurrentHolder);
            }

            return held;
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            LogWarningLeaseAttemptFailed(logger, ex, lease.ProgramId, lease.Holder);
            return false;
        }
    }

    private void StandBy()
    {
        if (!_standingBy)
        {
            LogInformationStandingBy(logger, lease.Holder, lease.ProgramId, lease.CurrentHolder);
            _standingBy = true;
        }

        setState(ListenerState.StandingBy);
    }

    private async Task ReleaseAsync()
    {
        if (lease.Token == 0)
        {
            return;
        }

        using var timeout = new CancellationTokenSource(ReleaseTimeout);
        try
        {
            await lease.ReleaseAsync(timeout.Token);
            LogInformationLeaseReleased(logger, lease.ProgramId, lease.Holder);
        }
        catch (Exception ex)
        {
            // Shutting down either way: the lease then expires by itself and a peer takes over after LeaseDuration.
            LogWarningLeaseReleaseFailed(logger, ex, lease.ProgramId, lease.Duration);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Listener lease of program {ProgramId} acquired by {Silo} with fencing token {Token}")]
    private static partial void LogInformationLeaseAcquired(ILogger logger, string programId, string silo, long token);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Silo} stands by: the listener lease of program {ProgramId} is held by {Holder}")]
    private static partial void LogInformationStandingBy(ILogger logger, string silo, string programId, string? holder);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Listener lease of program {ProgramId} lost by {Silo}, now held by {Holder}; stopping the listener")]
    private static partial void LogWarningLeaseTaken(ILogger logger, string programId, string silo, string? holder);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Listener lease of program {ProgramId} lost by {Silo} at a cursor write; stopping the listener")]
    private static partial void LogWarningLeaseLost(ILogger logger, Exception exception, string programId, string silo);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Acquiring or renewing the listener lease of program {ProgramId} failed for {Silo}; standing by until it succeeds")]
    private static partial void LogWarningLeaseAttemptFailed(ILogger logger, Exception exception, string programId, string silo);

    [LoggerMessage(Level = LogLevel.Information, Message = "Listener lease of program {ProgramId} released by {Silo}")]
    private static partial void LogInformationLeaseReleased(ILogger logger, string programId, string silo);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not release the listener lease of program {ProgramId}; it expires within {Duration}")]
    private static partial void LogWarningLeaseReleaseFailed(ILogger logger, Exception exception, string programId, TimeSpan duration);
}
