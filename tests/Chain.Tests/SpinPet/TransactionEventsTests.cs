using Spin.Chain.SpinPet;

namespace Spin.Chain.Tests.SpinPet;

public sealed class TransactionEventsTests
{
    private const string SpinPet = "JBMmrp6jhksqnxDBskkmVvWHhJLaPBjgiMHEroJbUTBZ";

    public static TheoryData<AnchorFixtures.LogFixture> Fixtures => new(AnchorFixtures.Logs);

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void FindsExactlyTheEventsSpinPetEmittedInTheFixtureLogs(AnchorFixtures.LogFixture fixture)
    {
        var stats = new DecodeStats();

        var events = TransactionEvents.Extract("sig", 7, 1_700_000_000, fixture.Logs, SpinPet, stats);

        Assert.Equal(fixture.Expected.Select(e => e.Index), events.Select(e => e.Id.Index));
        Assert.Equal(fixture.Expected.Select(e => e.Name), events.Select(e => e.Body.Type + "Event"));
        Assert.Equal(fixture.Expected.Select(e => e.Base64), events.Select(e => Convert.ToBase64String(SpinPetEventEncoder.Encode(e.Body))));
        Assert.All(fixture.Outcomes, p => Assert.Equal(p.Value, stats.Get(Enum.Parse<DecodeOutcome>(p.Key))));
        Assert.Equal(fixture.Truncated ? 1 : 0, stats.Get(DecodeOutcome.TruncatedLog));
    }

    [Fact]
    public void FixturesCoverTheLogShapesThatMatter()
    {
        var names = AnchorFixtures.Logs.Select(l => l.Name).ToHashSet();

        Assert.Contains("successfully_log_line_does_not_end_the_frame", names);
        Assert.Contains("spinpet_at_cpi_depth_2_under_a_router", names);
        Assert.Contains("foreign_program_emits_a_real_spinpet_discriminator", names);
        Assert.Contains("failed_inner_program", names);
        Assert.Contains(AnchorFixtures.Logs, l => l.Truncated);
        Assert.Contains(AnchorFixtures.Logs, l => l.Outcomes["Garbage"] > 0 && l.Outcomes["UnknownDiscriminator"] > 0);
        Assert.True(AnchorFixtures.Logs.Count(l => l.AnchorEventParserAgrees) >= 5);
    }

    [Fact]
    public void CountsUndecodablePayloadsAndKeepsTheirIndexInsteadOfThrowing()
    {
        var valid = AnchorFixtures.Events[0].Base64;
        string[] logs =
        [
            $"Program {SpinPet} invoke [1]", "Program data: !!not base64!!", "Program data: AQID", $"Program data: {valid}",
            "Program data: /////////////////////w==", $"Program data: {valid[..40]}", $"Program {SpinPet} success",
        ];
        var stats = new DecodeStats();

        var events = TransactionEvents.Extract("sig", 1, 0, logs, SpinPet, stats);

        Assert.Equal([2], events.Select(e => e.Id.Index));
        Assert.Equal(2, stats.Get(DecodeOutcome.Garbage));
        Assert.Equal(1, stats.Get(DecodeOutcome.UnknownDiscriminator));
        Assert.Equal(1, stats.Get(DecodeOutcome.Truncated));
        Assert.Equal(1, stats.Get(DecodeOutcome.Decoded));
    }

    [Fact]
    public void StampsEveryEventWithTheTransactionSignatureSlotAndBlockTime()
    {
        var fixture = AnchorFixtures.Logs.First(l => l.Expected.Count > 2);

        var events = TransactionEvents.Extract("5VERv8NMvzbJMEkV8xnrLkEaWRtSz9CosKDYjCJjBRnb", 321, 1_756_352_482, fixture.Logs, SpinPet, new DecodeStats());

        Assert.All(events, e => Assert.Equal(("5VERv8NMvzbJMEkV8xnrLkEaWRtSz9CosKDYjCJjBRnb", 321ul, 1_756_352_482L), (e.Id.Signature, e.Slot, e.BlockTime)));
        Assert.Equal(events.Count, events.Select(e => e.Id).Distinct().Count());
    }
}
