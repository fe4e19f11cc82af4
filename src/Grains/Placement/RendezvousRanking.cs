using System.Text;

namespace Spin.Grains.Placement;

/// <summary>Rendezvous (highest random weight) hashing: every silo name gets a score for a key, and the silos ranked by
/// descending score are the key's placement order. The order depends only on the key and the names, so a restart puts a
/// key back where it was, and adding a silo moves only the keys for which the new silo scores highest (about 1/N).</summary>
public static class RendezvousRanking
{
    /// <summary>The score of <paramref name="silo"/> for <paramref name="key"/>: FNV-1a over both, then a 64-bit finaliser
    /// so that names differing in one character spread over the whole range.</summary>
    public static ulong Score(string key, string silo)
    {
        var hash = 14695981039346656037UL;
        hash = Mix(hash, key);
        hash = (hash ^ 0xFF) * 1099511628211UL;
        hash = Mix(hash, silo);
        hash ^= hash >> 33;
        hash *= 0xFF51AFD7ED558CCDUL;
        hash ^= hash >> 33;
        hash *= 0xC4CEB9FE1A85EC53UL;
        hash ^= hash >> 33;
        return hash;
    }

    /// <summary>The names in placement order for <paramref name="key"/>: highest score first, ties broken by name.</summary>
    public static IReadOnlyList<string> Rank(string key, IEnumerable<string> silos) =>
        silos.Distinct(StringComparer.Ordinal).OrderByDescending(s => Score(key, s)).ThenBy(s => s, StringComparer.Ordinal).ToList();

    private static ulong Mix(ulong hash, string text)
    {
        Span<byte> buffer = stackalloc byte[256];
        var bytes = Encoding.UTF8.GetByteCount(text) <= buffer.Length ? buffer[..Encoding.UTF8.GetBytes(text, buffer)] : Encoding.UTF8.GetBytes(text);
        foreach (var b in bytes)
        {
            hash = (hash ^ b) * 1099511628211UL;
        }

        return hash;
    }
}
