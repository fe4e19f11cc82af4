using Spin.Chain.Binary;
using Spin.Grains.Interfaces.Catalog;

namespace Spin.Grains.Catalog;

/// <summary>A catalog shard's listings in memory, one sorted set per sort key (ties by the mint's bytes, as a range scan
/// of <c>value | mint</c> keys would order them). Of two listings of a mint the one with the higher sequence number wins.</summary>
public sealed class CatalogIndex
{
    private static readonly byte[] Lowest = new byte[PublicKey.Length];
    private static readonly byte[] Highest = Enumerable.Repeat((byte)0xFF, PublicKey.Length).ToArray();
    private readonly Dictionary<string, (MintListing Listing, byte[] Key)> _listings = new(StringComparer.Ordinal);
    private readonly SortedSet<Entry> _bySlot = new();
    private readonly SortedSet<Entry> _byTrade = new();
    private readonly SortedSet<Entry> _byVolume = new();

    /// <summary>How many mints are listed.</summary>
    public int Count => _listings.Count;

    /// <summary>Takes <paramref name="listing"/> unless a listing of the same mint at least as new is held; true if taken.</summary>
    public bool Merge(MintListing listing)
    {
        byte[] key;
        if (_listings.TryGetValue(listing.Mint, out var held))
        {
            if (held.Listing.Seq >= listing.Seq)
            {
                return false;
            }

            key = held.Key;
            _bySlot.Remove(new Entry(held.Listing.FirstSlot, key, listing.Mint));
            _byTrade.Remove(new Entry(held.Listing.LastTradeTime, key, listing.Mint));
            _byVolume.Remove(new Entry(held.Listing.VolumeLamports, key, listing.Mint));
        }
        else
        {
            key = PublicKey.Parse(listing.Mint);
        }

        _listings[listing.Mint] = (listing, key);
        _bySlot.Add(new Entry(listing.FirstSlot, key, listing.Mint));
        _byTrade.Add(new Entry(listing.LastTradeTime, key, listing.Mint));
        _byVolume.Add(new Entry(listing.VolumeLamports, key, listing.Mint));
        return true;
    }

    /// <summary>Up to <paramref name="limit"/> entries strictly after <paramref name="after"/> in <paramref name="sort"/>.</summary>
    public List<CatalogEntry> Page(CatalogSort sort, CatalogEntry? after, int limit)
    {
        var set = sort switch { CatalogSort.LastTradeDesc => _byTrade, CatalogSort.VolumeDesc => _byVolume, _ => _bySlot };
        var entries = new List<CatalogEntry>(Math.Min(limit, _listings.Count));
        if (limit <= 0 || set.Count == 0)
        {
            return entries;
        }

        var cursor = after is null ? (Entry?)null : new Entry(after.SortValue, PublicKey.Parse(after.Mint), after.Mint);
        var descending = sort.IsDescending();
        var view = cursor is not { } c ? set
            : descending ? set.GetViewBetween(new Entry(0, Lowest, ""), c)
            : set.GetViewBetween(c, new Entry(ulong.MaxValue, Highest, ""));
        foreach (var entry in descending ? view.Reverse() : (IEnumerable<Entry>)view)
        {
            if (cursor is { } at && entry.CompareTo(at) == 0)
            {
                continue;
            }

            entries.Add(new CatalogEntry(entry.Value, entry.Mint));
            if (entries.Count == limit)
            {
                break;
            }
        }

        return entries;
    }

    private readonly record struct Entry(ulong Value, byte[] Key, string Mint) : IComparable<Entry>
    {
        public int CompareTo(Entry other) => Value != other.Value ? Value.CompareTo(other.Value) : Key.AsSpan().SequenceCompareTo(other.Key);
    }
}
