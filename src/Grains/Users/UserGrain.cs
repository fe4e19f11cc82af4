using Microsoft.Extensions.Logging;
using Orleans.Concurrency;
using Spin.Chain.Binary;
using Spin.Grains.Interfaces.Mints;
using Spin.Grains.Interfaces.Orders;
using Spin.Grains.Interfaces.Users;
using Spin.Grains.Placement;

namespace Spin.Grains.Users;

/// <summary>A user's history and open orders, gathered on request: every active silo says which mints its store indexes
/// the user under (the index is written in the mints' own batches, so it is as complete as the mints' logs), and each of
/// those mints answers from its own data. A silo that does not answer makes the read fail with a timeout (the gateway
/// answers 503, retry) rather than serve a history that may lack that silo's mints; a mint still catching up makes the
/// answer say syncing.</summary>
// A stateless worker: it holds nothing, so reads of one user need not queue behind each other on one silo.
[StatelessWorker]
public sealed partial class UserGrain(SiloRanking ranking, ReplicationMetrics metrics, ILogger<UserGrain> logger) : Grain, IUserGrain
{
    /// <inheritdoc />
    public async Task<UserEventPage> GetEvents(string? mint, int page, int limit, bool descending)
    {
        var views = await GatherAsync(mint);
        var events = views.SelectMany(v => v.View.Events.Select(e => new UserEvent(v.Mint, e.Event))).ToList();
        // Slot, then signature and index: the order of the user's keys in spin-server.
        events.Sort((a, b) => a.Event.Slot != b.Event.Slot ? a.Event.Slot.CompareTo(b.Event.Slot)
            : string.CompareOrdinal(a.Event.Id.Signature, b.Event.Id.Signature) is var bySignature and not 0 ? bySignature
            : a.Event.Id.Index.CompareTo(b.Event.Id.Index));
        if (descending)
        {
            events.Reverse();
        }

        var pageEvents = events.Skip((int)Math.Min((long)(page - 1) * limit, int.MaxValue)).Take(limit).ToList();
        return new UserEventPage(pageEvents, events.Count, views.Any(v => v.View.Syncing));
    }

    /// <inheritdoc />
    public async Task<UserOrders> GetOrders(string? mint)
    {
        var views = await GatherAsync(mint);
        var orders = views.OrderBy(v => PublicKey.Parse(v.Mint), ByteOrder.Instance)
            .SelectMany(v => v.View.Orders.OrderBy(o => PublicKey.Parse(o.OrderPda), ByteOrder.Instance))
            .ToList();
        return new UserOrders(orders, views.Any(v => v.View.Syncing));
    }

    private async Task<List<(string Mint, MintUserView View)>> GatherAsync(string? mint)
    {
        var user = this.GetPrimaryKeyString();
        var mints = (await MintsOfAsync(user)).Where(m => mint is null || m == mint).ToList();
        var views = await Task.WhenAll(mints.Select(async m => (m, await GrainFactory.GetGrain<IMintGrain>(m).GetUser(user))));
        return [.. views];
    }

    private async Task<HashSet<string>> MintsOfAsync(string user)
    {
        var answers = await SiloStores.AskAllAsync(ranking, GrainFactory, PeerCalls.Query, store => store.MintsOf(user),
            (silo, ex) => LogWarningSiloUnavailable(logger, ex, user, silo));
        var missing = answers.Where(a => a.Value is null).Select(a => a.Key).ToList();
        if (missing.Count > 0)
        {
            metrics.UserReadRefused();
            throw new TimeoutException($"The user index on {string.Join(", ", missing)} did not answer; the history of {user} may be incomplete, retry in a moment.");
        }

        return answers.Values.SelectMany(a => a!).ToHashSet(StringComparer.Ordinal);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Asking {Silo} for the mints of user {User} failed")]
    private static partial void LogWarningSiloUnavailable(ILogger logger, Exception exception, string user, string silo);

    /// <summary>Orders keys by their bytes, as the store does.</summary>
    private sealed class ByteOrder : IComparer<byte[]>
    {
        public static readonly ByteOrder Instance = new();

        public int Compare(byte[]? x, byte[]? y) => x.AsSpan().SequenceCompareTo(y);
    }
}
