using Microsoft.Extensions.Logging;
using Spin.Chain.Rpc;
using Spin.Grains.Interfaces.Catalog;

namespace Spin.Grains.Mints;

// The mint's catalog listing. It is stored with every batch (in the mint's own WriteBatch, on its primary and replica),
// so a catalog shard rebuilds it from the silos' stores whenever it activates or the membership changes. Handing it to
// the shard after a batch only keeps the shard current between those merges: a batch waits for that up to
// CatalogWait, and a shard that does not answer is retried in the background until it does.
public sealed partial class MintGrain
{
    private static readonly TimeSpan FirstListingRetry = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan MaxListingRetry = TimeSpan.FromSeconds(30);
    private long _listedSeq;
    private bool _listingPending;
    private int _listingFailures;
    private Task _publishing = Task.CompletedTask;
    private IGrainTimer? _listingRetry;

    private Task PublishListingAsync(bool wait)
    {
        if (_publishing.IsCompleted && _books.Listing is { } listing && listing.Seq > _listedSeq)
        {
            SetListingPending(true);
            _publishing = UpsertAsync(listing);
        }

        return wait && _listingFailures == 0 ? WaitForListingAsync(_publishing) : Task.CompletedTask;
    }

    private async Task WaitForListingAsync(Task publishing)
    {
        try
        {
            await publishing.WaitAsync(replication.Value.CatalogWait);
        }
        catch (TimeoutException)
        {
            LogDebugCatalogSlow(logger, this.GetPrimaryKeyString(), replication.Value.CatalogWait);
        }
    }

    // Never throws: a failure is logged, counted and retried with back-off.
    private async Task UpsertAsync(MintListing listing)
    {
        try
        {
            await GrainFactory.GetGrain<ICatalogShardGrain>(CatalogShards.Of(listing.Mint)).Upsert(listing);
            _listedSeq = Math.Max(_listedSeq, listing.Seq);
            _listingFailures = 0;
            if (_books.Listing is { } newer && newer.Seq > _listedSeq)
            {
                ScheduleListing(TimeSpan.Zero);
                return;
            }

            SetListingPending(false);
        }
        catch (Exception ex)
        {
            _listingFailures++;
            metrics.ListingFailed();
            var delay = Backoff.Delay(_listingFailures, FirstListingRetry, MaxListingRetry);
            LogWarningListingFailed(logger, ex, this.GetPrimaryKeyString(), delay);
            ScheduleListing(delay);
        }
    }

    // A timer that keeps the grain alive until its shard has the listing.
    private void ScheduleListing(TimeSpan delay)
    {
        if (_listingRetry is null)
        {
            _listingRetry = this.RegisterGrainTimer(_ => PublishListingAsync(wait: false),
                new GrainTimerCreationOptions(delay, Timeout.InfiniteTimeSpan) { Interleave = true, KeepAlive = true });
        }
        else
        {
            _listingRetry.Change(delay, Timeout.InfiniteTimeSpan);
        }
    }

    private void SetListingPending(bool pending)
    {
        if (pending != _listingPending)
        {
            _listingPending = pending;
            metrics.ListingPendingChanged(pending);
        }
    }

    // Deactivating with the listing not handed over (the grain is migrating, or its silo stops): the shard still finds it
    // in the store at its next merge; this one-way attempt only saves the wait.
    private void ReleaseListing()
    {
        if (_listingPending && _books.Listing is { } listing)
        {
            GrainFactory.GetGrain<ICatalogShardGrain>(CatalogShards.Of(listing.Mint)).Upsert(listing).Ignore();
        }

        SetListingPending(false);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "The catalog shard of {Mint} did not answer within {Wait}; handing it the listing in the background")]
    private static partial void LogDebugCatalogSlow(ILogger logger, string mint, TimeSpan wait);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Handing the listing of {Mint} to its catalog shard failed; retrying in {Delay}")]
    private static partial void LogWarningListingFailed(ILogger logger, Exception exception, string mint, TimeSpan delay);
}
