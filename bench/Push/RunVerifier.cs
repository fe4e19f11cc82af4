namespace Spin.Bench.Push;

/// <summary>Checks what every client received against the index (seq → signature per mint) and, for the events
/// emitted in the window, computes the latencies. A message counts as delivered only if it is the right event at the
/// right sequence number; every client's messages of a mint must be consecutive sequence numbers (after the
/// subscription's answer, when there is one), so a duplicate or a gap anywhere is a violation.</summary>
public static class RunVerifier
{
    private const int KeptSamples = 5;

    /// <summary>Verifies one run and summarizes it.</summary>
    public static RunResult Verify(string system, int run, ClientFleet fleet, EmitClock emits, SequenceIndex index, MeasuredWindow window, string? problem)
    {
        var emitted = emits.Between(window.From, window.To).Where(e => !e.Failed).Select(e => e.Signature).ToHashSet(StringComparer.Ordinal);
        var subscribed = fleet.Clients.SelectMany(c => c.Mints).ToHashSet(StringComparer.Ordinal);
        var expectedByMint = subscribed.ToDictionary(m => m, m => index.Where(m, emitted.Contains).ToHashSet(), StringComparer.Ordinal);
        var check = new Tally(window);
        foreach (var (client, number) in fleet.Clients.Select((c, i) => (c, i)))
        {
            var receipts = client.Receipts();
            check.Unknown(receipts.Count(r => r.MintSlot < 0), number);
            for (var slot = 0; slot < client.Mints.Count; slot++)
            {
                var mint = client.Mints[slot];
                var expected = expectedByMint.GetValueOrDefault(mint) ?? [];
                check.Expect(expected.Count);
                CheckMint(check, $"client {number}, mint {mint}", receipts.Where(r => r.MintSlot == slot), client.Acks.ElementAtOrDefault(slot),
                    expected, seq => index.Signature(mint, seq), emits);
            }
        }

        if (emits.Failure is { } failure)
        {
            problem ??= $"the emission listener failed: {failure.Message}";
        }

        if (!window.Drained)
        {
            check.Note("some clients had not received an event emitted after the window 30 s after it ended");
        }

        return new RunResult(system, run, window, expectedByMint.Values.Sum(s => s.Count), check.Expected, check.Delivered, check.Violations,
            check.Samples, LatencySummary.Of(check.Total), LatencySummary.Of(check.EmitToSend), LatencySummary.Of(check.SendToReceipt), problem)
        {
            Trend = [.. check.Fifths.Select(f => LatencySummary.Of(f).P50)],
            SubscribeTime = fleet.SubscribeTime,
        };
    }

    private static void CheckMint(Tally check, string who, IEnumerable<Receipt> receipts, long? ack, HashSet<long> expected,
        Func<long, string?> signatureAt, EmitClock emits)
    {
        long? previous = ack;
        foreach (var receipt in receipts)
        {
            if (previous is { } p && receipt.Seq != p + 1)
            {
                check.Violation($"{who}: seq {receipt.Seq} after {p}");
            }

            previous = receipt.Seq;
            var truth = signatureAt(receipt.Seq);
            if (!string.Equals(truth, receipt.TransactionSignature, StringComparison.Ordinal))
            {
                check.Violation($"{who}: seq {receipt.Seq} carries {receipt.TransactionSignature}, expected {truth ?? "no event"}");
                continue;
            }

            if (expected.Contains(receipt.Seq) && check.Deliver(who, receipt.Seq) && (receipt.Emission ?? emits.Find(receipt.TransactionSignature)) is { } emission)
            {
                check.Sample(emission, receipt);
            }
        }
    }

    private sealed class Tally(MeasuredWindow window)
    {
        private readonly HashSet<(string, long)> _delivered = [];

        public List<double>[] Fifths { get; } = [[], [], [], [], []];

        public long Expected { get; private set; }

        public long Delivered => _delivered.Count;

        public long Violations { get; private set; }

        public List<string> Samples { get; } = [];

        public List<double> Total { get; } = [];

        public List<double> EmitToSend { get; } = [];

        public List<double> SendToReceipt { get; } = [];

        public void Sample(Emission emission, Receipt receipt)
        {
            var total = Emission.Ms(emission.Ticks, receipt.Ticks);
            Total.Add(total);
            EmitToSend.Add(receipt.SentAt - emission.UnixMs);
            SendToReceipt.Add(Emission.ToUnixMs(receipt.Ticks) - receipt.SentAt);
            Fifths[Math.Clamp((int)((emission.Ticks - window.From) * 5 / (window.To - window.From)), 0, 4)].Add(total);
        }

        public void Expect(int count) => Expected += count;

        public bool Deliver(string who, long seq) => _delivered.Add((who, seq)) || Violation($"{who}: seq {seq} received twice");

        public bool Violation(string what)
        {
            Violations++;
            Note(what);
            return false;
        }

        public void Unknown(int count, int client)
        {
            for (var i = 0; i < count; i++)
            {
                Violation($"client {client}: an event of a mint it did not subscribe to");
            }
        }

        public void Note(string what)
        {
            if (Samples.Count < KeptSamples)
            {
                Samples.Add(what);
            }
        }
    }
}
