using System.Buffers.Binary;
using Microsoft.Extensions.Logging;
using Spin.Chain.Rpc;
using Spin.Grains.Interfaces.Catalog;
using Spin.Grains.Interfaces.Events;
using Spin.Grains.Interfaces.Users;
using Spin.Grains.Storage;
using Spin.Grains.Users;

namespace Spin.Grains.Mints;

// The mint's followers: the user grains of the accounts its events concern, and its listing in the catalog. They are fed
// from the mint's own event log after the mint's data is stored and replicated, so a follower that cannot be reached (its
// silo restarting, its activation waiting on the grain directory) never holds up the listener, the mint's other events or
// its pushes. The log is the outbox: a marker records how far the followers have been fed, kept in this silo's store
// after every delivery and carried in the manifest with the next write, so that an activation on another silo resumes
// from there. Every delivery is idempotent (user entries are keyed by the events, the listing is an upsert), so resuming
// from a marker that lags only repeats work.
public sealed partial class MintGrain
{
    private const int FollowerPage = 500;
    private static readonly TimeSpan FirstFollowerRetry = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan MaxFollowerRetry = TimeSpan.FromSeconds(30);
    private long _followedTo;
    private long _followerLag;
    private int _followerFailures;
    private Task _following = Task.CompletedTask;
    private IGrainTimer? _followerRetry;
    private (long FirstSeq, IReadOnlyList<ChainEvent> Events)? _recent;

    /// <summary>The events (by sequence number) whose followers were fed.</summary>
    private long FollowedTo
    {
        get => _followedTo;
        set
        {
            _followedTo = value;
            SetFollowerLag(_books.Log.LastSeq - value);
        }
    }

    private byte[] FollowerMarkerKey => StoreKeys.Meta($"followers:{this.GetPrimaryKeyString()}");

    // Takes the furthest of what this silo recorded and what the manifest carries; both only ever understate it.
    private void LoadFollowerMarker()
    {
        var local = store.Get(StoreColumn.Meta, FollowerMarkerKey) is { Length: 8 } bytes ? BinaryPrimitives.ReadInt64BigEndian(bytes) : 0;
        FollowedTo = Math.Min(_books.Log.LastSeq, Math.Max(FollowedTo, Math.Max(local, Manifest.FollowedTo)));
        if (FollowedTo < _books.Log.LastSeq)
        {
            ScheduleFollowers(TimeSpan.Zero);
        }
    }

    // Feeds the followers the events just stored. A batch normally waits for them, so that a caller reading a user's
    // history after the listener moved on finds it there; a follower that does not answer within the wait (or is already
    // failing) is left to the background, retried until it answers.
    private async Task FeedFollowersAsync(StagedEvents staged)
    {
        if (staged.Applied.Count > 0)
        {
            _recent = (staged.Result.LastSeq - staged.Applied.Count + 1, staged.Applied);
            SetFollowerLag(_books.Log.LastSeq - FollowedTo);
        }

        var waiting = _following.IsCompleted && _followerFailures == 0;
        var following = FollowAsync();
        if (!waiting)
        {
            return;
        }

        try
        {
            await following.WaitAsync(replication.Value.FollowerWait);
        }
        catch (TimeoutException)
        {
            LogDebugFollowersSlow(logger, this.GetPrimaryKeyString(), replication.Value.FollowerWait);
        }
    }

    private Task FollowAsync() => _following.IsCompleted && FollowedTo < _books.Log.LastSeq ? _following = RunFollowersAsync() : _following;

    // Never throws: a failure is logged, counted and retried with back-off.
    private async Task RunFollowersAsync()
    {
        var mint = this.GetPrimaryKeyString();
        try
        {
            while (FollowedTo < _books.Log.LastSeq)
            {
                var from = FollowedTo + 1;
                var events = _recent is { } recent && recent.FirstSeq == from
                    ? recent.Events
                    : _books.Log.ReadFrom(from, FollowerPage).Select(e => e.Event).ToList();
                await Task.WhenAll(UserUpdates.Of(mint, events, _books.Orders.OwnerOf)
                    .Select(u => GrainFactory.GetGrain<IUserGrain>(u.Key).Apply(u.Value)));
                if (Details is { } d)
                {
                    var listing = new MintListing(d.MintAccount, d.FirstSlot, (ulong)Math.Max(0, d.LatestTradeTime ?? 0), d.TotalSolAmount);
                    await GrainFactory.GetGrain<ICatalogShardGrain>(CatalogShards.Of(d.MintAccount)).Upsert(listing);
                }

                FollowedTo = from + events.Count - 1;
                store.Put(StoreColumn.Meta, FollowerMarkerKey, BigEndian(FollowedTo));
            }

            _recent = null;
            if (_followerFailures > 0)
            {
                LogInformationFollowersResumed(logger, mint, _followerFailures);
                _followerFailures = 0;
            }
        }
        catch (Exception ex)
        {
            _followerFailures++;
            metrics.FollowerFailed();
            var delay = Backoff.Delay(_followerFailures, FirstFollowerRetry, MaxFollowerRetry);
            LogWarningFollowersFailed(logger, ex, mint, _books.Log.LastSeq - FollowedTo, delay);
            ScheduleFollowers(delay);
        }
    }

    // A timer that keeps the grain alive until the followers are fed: an idle mint is not collected with deliveries owed.
    private void ScheduleFollowers(TimeSpan delay)
    {
        if (_followerRetry is null)
        {
            _followerRetry = this.RegisterGrainTimer(RetryFollowersAsync,
                new GrainTimerCreationOptions(delay, Timeout.InfiniteTimeSpan) { Interleave = true, KeepAlive = true });
        }
        else
        {
            _followerRetry.Change(delay, Timeout.InfiniteTimeSpan);
        }
    }

    private Task RetryFollowersAsync(CancellationToken cancellationToken) => FollowAsync();

    private void SetFollowerLag(long lag)
    {
        metrics.FollowerLagChanged(lag - _followerLag);
        _followerLag = lag;
    }

    private static byte[] BigEndian(long value)
    {
        var bytes = new byte[8];
        BinaryPrimitives.WriteInt64BigEndian(bytes, value);
        return bytes;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "The followers of {Mint} did not answer within {Wait}; feeding them in the background")]
    private static partial void LogDebugFollowersSlow(ILogger logger, string mint, TimeSpan wait);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Feeding the user histories and catalog listing of {Mint} failed ({Behind} events behind); retrying in {Delay}")]
    private static partial void LogWarningFollowersFailed(ILogger logger, Exception exception, string mint, long behind, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Information, Message = "The user histories and catalog listing of {Mint} are fed again after {Failures} failed attempts")]
    private static partial void LogInformationFollowersResumed(ILogger logger, string mint, int failures);
}
