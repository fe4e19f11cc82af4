using System.Buffers.Binary;
using System.Text;
using Microsoft.Extensions.Logging;
using Spin.Chain.Binary;
using Spin.Grains.Interfaces.Events;
using Spin.Grains.Interfaces.Orders;
using Spin.Grains.Interfaces.Replication;
using Spin.Grains.Interfaces.Users;
using Spin.Grains.Orders;
using Spin.Grains.Storage;
using Spin.Grains.Placement;

namespace Spin.Grains.Users;

/// <summary>A user's history and open orders across mints, fed by the MintGrains, in the silo-local store. Keys are
/// derived from the events themselves, so a redelivered update rewrites the same keys. Each write is copied to the replica
/// silo before the call returns; an activation takes the newest copy a peer holds.</summary>
[RendezvousPlacement]
public sealed class UserGrain(RocksStore store, SiloRanking ranking, ReplicationMetrics metrics, ILogger<UserGrain> logger) : Grain, IUserGrain
{
    private const byte EventKind = (byte)'e';
    private const byte OrderKind = (byte)'o';
    private byte[] _user = null!;
    private PrefixReplication _replication = null!;

    /// <inheritdoc />
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _user = PublicKey.Parse(this.GetPrimaryKeyString());
        _replication = new PrefixReplication(new ReplicatedPrefix(store, StoreColumn.Users, _user),
            $"{ReplicatedPrefix.Users}:{this.GetPrimaryKeyString()}", this.GetGrainId(), ranking, GrainFactory, metrics, logger);
        return _replication.CatchUpAsync();
    }

    /// <inheritdoc />
    public Task Apply(UserUpdate update)
    {
        var mint = PublicKey.Parse(update.Mint);
        var entries = new List<StoreEntry>();
        foreach (var chainEvent in update.Events)
        {
            entries.Add(new StoreEntry(EventKey(chainEvent), [.. mint, .. EventRecordCodec.Encode(chainEvent)]));
        }

        foreach (var order in update.OpenOrders)
        {
            entries.Add(new StoreEntry(OrderKey(mint, order.OrderPda), OrderCodec.Encode(order)));
        }

        foreach (var pda in update.ClosedOrders)
        {
            entries.Add(new StoreEntry(OrderKey(mint, pda), null));
        }

        return CommitAsync(entries);
    }

    private async Task CommitAsync(List<StoreEntry> entries)
    {
        await _replication.CommitAsync(entries);
        if (_replication.Misplaced)
        {
            MigrateOnIdle();
        }
    }

    /// <inheritdoc />
    public Task<UserEventPage> GetEvents(string? mint, int page, int limit, bool descending)
    {
        var filter = mint is null ? null : PublicKey.Parse(mint);
        var matches = Scan([.. _user, EventKind], descending)
            .Where(value => filter is null || value.AsSpan(0, PublicKey.Length).SequenceEqual(filter))
            .ToList();
        var events = matches.Skip((int)Math.Min((long)(page - 1) * limit, int.MaxValue)).Take(limit)
            .Select(v => new UserEvent(PublicKey.ToBase58(v.AsSpan(0, PublicKey.Length)), EventRecordCodec.Decode(v.AsSpan(PublicKey.Length))))
            .ToList();
        return Task.FromResult(new UserEventPage(events, matches.Count));
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<MarginOrder>> GetOrders(string? mint)
    {
        byte[] prefix = mint is null ? [.. _user, OrderKind] : [.. _user, OrderKind, .. PublicKey.Parse(mint)];
        return Task.FromResult<IReadOnlyList<MarginOrder>>(Scan(prefix, descending: false).Select(v => OrderCodec.Decode(v)).ToList());
    }

    private IEnumerable<byte[]> Scan(byte[] prefix, bool descending)
    {
        using var iterator = store.NewIterator(StoreColumn.Users);
        if (descending) { iterator.SeekForPrev([.. prefix, .. Enumerable.Repeat((byte)0xFF, 120)]); } else { iterator.Seek(prefix); }
        while (iterator.Valid() && iterator.Key().AsSpan().StartsWith(prefix))
        {
            yield return iterator.Value();
            if (descending) { iterator.Prev(); } else { iterator.Next(); }
        }
    }

    private byte[] EventKey(ChainEvent chainEvent)
    {
        var signature = Encoding.ASCII.GetBytes(chainEvent.Id.Signature);
        var key = new byte[_user.Length + 1 + 8 + signature.Length + 4];
        _user.CopyTo(key, 0);
        key[_user.Length] = EventKind;
        BinaryPrimitives.WriteUInt64BigEndian(key.AsSpan(_user.Length + 1), chainEvent.Slot);
        signature.CopyTo(key, _user.Length + 9);
        BinaryPrimitives.WriteInt32BigEndian(key.AsSpan(key.Length - 4), chainEvent.Id.Index);
        return key;
    }

    private byte[] OrderKey(byte[] mint, string pda) => [.. _user, OrderKind, .. mint, .. PublicKey.Parse(pda)];
}
