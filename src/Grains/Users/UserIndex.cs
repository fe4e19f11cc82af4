using RocksDbSharp;
using Spin.Chain.Binary;
using Spin.Grains.Interfaces.Events;
using Spin.Grains.Storage;

namespace Spin.Grains.Users;

/// <summary>One mint's part of the user index: <c>user | mint | seq</c> for every event that concerns a user, written in
/// the mint's own batch (on its primary, its replica and by catch-up alike), so a user's entries in a mint are complete
/// wherever the mint's log is. An event concerns its payer; an order's owner also gets its opening, partial closes and
/// liquidation.</summary>
public sealed class UserIndex(RocksStore store, byte[] mint)
{
    private static readonly byte[] Empty = [];

    /// <summary>Adds the index keys of <paramref name="applied"/>, numbered from <paramref name="firstSeq"/>, to
    /// <paramref name="batch"/>; <paramref name="ownerOf"/> knows the owner of every order opened so far, this batch included.</summary>
    public void Stage(IReadOnlyList<ChainEvent> applied, long firstSeq, WriteBatch batch, Func<string, string?> ownerOf)
    {
        var column = store[StoreColumn.Users];
        for (var i = 0; i < applied.Count; i++)
        {
            foreach (var user in Concerned(applied[i].Body, ownerOf))
            {
                batch.Put(StoreKeys.UserEvent(PublicKey.Parse(user), mint, firstSeq + i), Empty, column);
            }
        }
    }

    /// <summary>The users an event concerns, each once.</summary>
    public static IEnumerable<string> Concerned(SpinEvent body, Func<string, string?> ownerOf)
    {
        var payer = body.Payer;
        yield return payer;
        var owner = body switch
        {
            LongShortEvent e => e.User,
            PartialCloseEvent e => e.User,
            ForceLiquidateEvent e => ownerOf(e.OrderPda),
            _ => null,
        };
        if (owner is not null && owner != payer)
        {
            yield return owner;
        }
    }

    /// <summary>The sequence numbers of this mint's events that concern <paramref name="user"/>, ascending.</summary>
    public List<long> Read(byte[] user)
    {
        byte[] prefix = [.. user, .. mint];
        var seqs = new List<long>();
        using var iterator = store.NewIterator(StoreColumn.Users);
        for (iterator.Seek(prefix); iterator.Valid() && iterator.Key().AsSpan().StartsWith(prefix); iterator.Next())
        {
            seqs.Add(StoreKeys.EventSeq(iterator.Key()));
        }

        return seqs;
    }

    /// <summary>Every mint of which this silo's store holds an event concerning <paramref name="user"/>.</summary>
    public static List<byte[]> MintsOf(RocksStore store, byte[] user)
    {
        var mints = new List<byte[]>();
        using var iterator = store.NewIterator(StoreColumn.Users);
        iterator.Seek(user);
        while (iterator.Valid() && iterator.Key().AsSpan().StartsWith(user))
        {
            var found = iterator.Key().AsSpan(user.Length, PublicKey.Length).ToArray();
            mints.Add(found);
            // Skip the rest of this mint's entries: the next possible key is user | found | seq = max, plus one.
            iterator.Seek(StoreKeys.UserEvent(user, found, long.MaxValue));
            if (iterator.Valid() && iterator.Key().AsSpan().StartsWith([.. user, .. found]))
            {
                iterator.Next();
            }
        }

        return mints;
    }
}
