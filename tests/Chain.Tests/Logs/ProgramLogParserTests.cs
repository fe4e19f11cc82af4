using Spin.Chain.Logs;
using Spin.Chain.SpinPet;
using Spin.Chain.Tests.SpinPet;

namespace Spin.Chain.Tests.Logs;

public sealed class ProgramLogParserTests
{
    private const string SpinPet = "JBMmrp6jhksqnxDBskkmVvWHhJLaPBjgiMHEroJbUTBZ";
    private const string Token = "TokenkegQfeZyiNwAJbNbGsPcRKfsFqzSQ2gPK8tJY9";
    private const string Router = "routeUGWgWzqBWFcrCfv8tritsqukccJPu3q5GPP3xS";

    public static TheoryData<AnchorFixtures.LogFixture> Fixtures => new(AnchorFixtures.Logs);

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void FindsExactlyTheEventsAnchorsEventParserFinds(AnchorFixtures.LogFixture fixture)
    {
        var stats = new DecodeStats();

        var events = TransactionEvents.Extract("sig", 7, 1_700_000_000, fixture.Logs, SpinPet, stats);

        Assert.Equal(fixture.Expected.Select(e => e.Base64), events.Select(e => Convert.ToBase64String(SpinPetEventEncoder.Encode(e.Body))));
        Assert.Equal(Enumerable.Range(0, events.Count), events.Select(e => e.Id.Index));
    }

    [Fact]
    public void ALogLineSayingSuccessfullyDoesNotEndTheFrame()
    {
        string[] logs = [$"Program {SpinPet} invoke [1]", "Program log: Parameters updated successfully!", "Program data: AAAA", $"Program {SpinPet} success"];

        var result = ProgramLogParser.Parse(logs, SpinPet);

        Assert.Equal(["AAAA"], result.Data);
    }

    [Fact]
    public void CountsOnlyDataEmittedWhileTheProgramIsExecutingAtAnyDepth()
    {
        string[] logs =
        [
            "Program data: Zm9yZWlnbg==",
            $"Program {Router} invoke [1]",
            "Program data: cm91dGVy",
            $"Program {SpinPet} invoke [2]",
            "Program data: b25l",
            $"Program {Token} invoke [3]",
            "Program data: dG9rZW4=",
            $"Program {Token} consumed 10 of 100 compute units",
            $"Program {Token} success",
            "Program return: JBMmrp6jhksqnxDBskkmVvWHhJLaPBjgiMHEroJbUTBZ AQ==",
            "Program data: dHdv",
            $"Program {SpinPet} success",
            "Program data: YWZ0ZXI=",
            $"Program {Router} success",
        ];

        var result = ProgramLogParser.Parse(logs, SpinPet);

        Assert.Equal(["b25l", "dHdv"], result.Data);
        Assert.False(result.Truncated);
        Assert.Equal(0, result.MalformedFrames);
    }

    [Fact]
    public void AFailedFramePopsOnlyItself()
    {
        string[] logs = [$"Program {SpinPet} invoke [1]", "Program data: b25l", $"Program {SpinPet} failed: custom program error: 0x178e", "Program data: dHdv"];

        var result = ProgramLogParser.Parse(logs, SpinPet);

        Assert.Equal(["b25l"], result.Data);
    }

    [Fact]
    public void FlagsATruncatedLogAndAFrameThatContradictsTheStack()
    {
        string[] logs = [$"Program {SpinPet} invoke [1]", $"Program {Token} success", "Program data: b25l", "Log truncated", "Program data: dHdv"];

        var result = ProgramLogParser.Parse(logs, SpinPet);

        Assert.Equal(["b25l"], result.Data);
        Assert.True(result.Truncated);
        Assert.Equal(1, result.MalformedFrames);
    }

    [Fact]
    public void CountsGarbageAndUnknownPayloadsInsteadOfThrowing()
    {
        var valid = AnchorFixtures.Events[0].Base64;
        string[] logs = [$"Program {SpinPet} invoke [1]", "Program data: !!not base64!!", "Program data: AQID", $"Program data: {valid}",
            "Program data: /////////////////////w==", $"Program {SpinPet} success"];
        var stats = new DecodeStats();

        var events = TransactionEvents.Extract("sig", 1, 0, logs, SpinPet, stats);

        Assert.Equal([2], events.Select(e => e.Id.Index));
        Assert.Equal(2, stats.Get(DecodeOutcome.Garbage));
        Assert.Equal(1, stats.Get(DecodeOutcome.UnknownDiscriminator));
        Assert.Equal(1, stats.Get(DecodeOutcome.Decoded));
    }
}
