using System.Text.Json;

namespace Spin.Bench.Push;

/// <summary>One message of the product, kept to be replayed to the baseline hub.</summary>
public sealed record BookEntry(string Mint, long Seq, JsonElement Event);

/// <summary>The product's <c>Event</c> messages by transaction signature, recorded by one client per mint during the
/// product runs. The simulator is deterministic (same seed and options, same transactions), so the baseline run can
/// send exactly these messages when the same transactions are emitted again.</summary>
public sealed class MessageBook
{
    private readonly Dictionary<string, List<BookEntry>> _bySignature = new(StringComparer.Ordinal);
    private readonly SequenceIndex _index = new();
    private readonly HashSet<(string, long)> _seen = [];

    /// <summary>The recorded messages' seq → signature, per mint.</summary>
    public SequenceIndex Index => _index;

    /// <summary>The lowest slot of a recorded event: the baseline can replay transactions from it.</summary>
    public ulong MinSlot { get; private set; } = ulong.MaxValue;

    /// <summary>The highest slot of a recorded event: the baseline can replay transactions up to it.</summary>
    public ulong MaxSlot { get; private set; }

    /// <summary>Keeps a message (once per mint and seq).</summary>
    public void Record(PushedEvent message, string signature)
    {
        lock (_bySignature)
        {
            if (!_seen.Add((message.Mint, message.Seq)))
            {
                return;
            }

            if (!_bySignature.TryGetValue(signature, out var entries))
            {
                _bySignature[signature] = entries = [];
            }

            entries.Add(new BookEntry(message.Mint, message.Seq, message.Event));
            _index.Set(message.Mint, message.Seq, signature);
            if (message.Event.TryGetProperty("slot", out var slot) && slot.TryGetUInt64(out var value))
            {
                MaxSlot = Math.Max(MaxSlot, value);
                MinSlot = Math.Min(MinSlot, value);
            }
        }
    }

    /// <summary>The messages of a transaction, in (mint, seq) order; empty for one without recorded events.</summary>
    public List<BookEntry> Of(string signature)
    {
        lock (_bySignature)
        {
            return _bySignature.TryGetValue(signature, out var entries)
                ? [.. entries.OrderBy(e => e.Mint, StringComparer.Ordinal).ThenBy(e => e.Seq)]
                : [];
        }
    }
}
