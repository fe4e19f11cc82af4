using System.Text.Json;

namespace Spin.Bench.Push;

/// <summary>An <c>Event</c> message as a client receives it: <c>{mint, seq, event, sent_at}</c>.</summary>
public sealed record PushedEvent(string Mint, long Seq, JsonElement Event, long SentAt);

/// <summary>One message a client's handler saw: which of its mints, the sequence number, the emission of its
/// signature (or the signature itself when the bench never saw it emitted), the handler's Stopwatch timestamp and the
/// server's <c>sent_at</c> (Unix ms).</summary>
public readonly record struct Receipt(int MintSlot, long Seq, Emission? Emission, string? Signature, long Ticks, long SentAt)
{
    /// <summary>The event's transaction signature.</summary>
    public string TransactionSignature => Emission?.Signature ?? Signature!;
}
