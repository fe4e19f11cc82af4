using Spin.Chain.Logs;
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
    public void FindsNoFrameContradictionsInRealisticLogs(AnchorFixtures.LogFixture fixture)
    {
        var result = ProgramLogParser.Parse(fixture.Logs, SpinPet);

        Assert.Equal(0, result.MalformedFrames);
        Assert.Equal(fixture.Truncated, result.Truncated);
        Assert.Equal(fixture.Outcomes.Values.Sum(), result.Data.Count);
    }

    [Fact]
    public void ALogLineSayingSuccessfullyDoesNotEndTheFrame()
    {
        string[] logs = [$"Program {SpinPet} invoke [1]", "Program log: Parameters updated successfully!", "Program data: AAAA", $"Program {SpinPet} success"];

        var result = ProgramLogParser.Parse(logs, SpinPet);

        Assert.Equal(["AAAA"], result.Data);
    }

    [Fact]
    public void FrameLikeTextInsideAProgramLogChangesNothing()
    {
        string[] logs =
        [
            $"Program {SpinPet} invoke [1]", "Program log: invoke [2]", "Program log: success", "Program log: failed: no",
            "Program data: b25l", $"Program return: {SpinPet} AQ==", "Program data: dHdv", $"Program {SpinPet} success",
        ];

        var result = ProgramLogParser.Parse(logs, SpinPet);

        Assert.Equal(["b25l", "dHdv"], result.Data);
        Assert.Equal(0, result.MalformedFrames);
    }

    [Fact]
    public void CollectsDataOnlyWhileTheProgramIsExecutingAtAnyDepth()
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
            "Program data: dHdv",
            $"Program {SpinPet} invoke [3]",
            "Program data: c2VsZg==",
            $"Program {SpinPet} success",
            $"Program {SpinPet} success",
            "Program data: YWZ0ZXI=",
            $"Program {Router} success",
            "Program data: bGF0ZQ==",
        ];

        var result = ProgramLogParser.Parse(logs, SpinPet);

        Assert.Equal(["b25l", "dHdv", "c2VsZg=="], result.Data);
        Assert.False(result.Truncated);
        Assert.Equal(0, result.MalformedFrames);
    }

    [Fact]
    public void AFailedInnerProgramPopsOnlyItsOwnFrame()
    {
        string[] logs =
        [
            $"Program {SpinPet} invoke [1]", $"Program {Token} invoke [2]", "Program data: dG9rZW4=",
            $"Program {Token} failed: custom program error: 0x1", "Program data: b25l", $"Program {SpinPet} success",
        ];

        var result = ProgramLogParser.Parse(logs, SpinPet);

        Assert.Equal(["b25l"], result.Data);
    }

    [Fact]
    public void AFailedProgramEndsItsOwnFrame()
    {
        string[] logs = [$"Program {SpinPet} invoke [1]", "Program data: b25l", $"Program {SpinPet} failed: custom program error: 0x178e", "Program data: dHdv"];

        var result = ProgramLogParser.Parse(logs, SpinPet);

        Assert.Equal(["b25l"], result.Data);
    }

    [Fact]
    public void FlagsAFrameEndThatContradictsTheStackAndPopsNothing()
    {
        string[] logs = [$"Program {SpinPet} invoke [1]", $"Program {Token} success", "Program data: b25l", $"Program {SpinPet} success"];

        var result = ProgramLogParser.Parse(logs, SpinPet);

        Assert.Equal(["b25l"], result.Data);
        Assert.Equal(1, result.MalformedFrames);
    }

    [Fact]
    public void StopsAtATruncatedLogAndFlagsIt()
    {
        string[] logs = [$"Program {SpinPet} invoke [1]", "Program data: b25l", "Log truncated", "Program data: dHdv"];

        var result = ProgramLogParser.Parse(logs, SpinPet);

        Assert.Equal(["b25l"], result.Data);
        Assert.True(result.Truncated);
    }

    [Fact]
    public void RandomLogLinesNeverThrowAndYieldOnlyDataLines()
    {
        var random = new Random(42);
        string[] vocabulary =
        [
            $"Program {SpinPet} invoke [1]", $"Program {SpinPet} invoke [2]", $"Program {Token} invoke [2]", $"Program {SpinPet} success",
            $"Program {Token} success", $"Program {SpinPet} failed: custom program error: 0x1", "Program data: AAAA", "Program data:",
            "Program ", "Program", "Program  invoke [", "Program log: invoke [1]", "Log truncated", "", " ", "Program return: x",
        ];

        for (var i = 0; i < 20_000; i++)
        {
            var logs = Enumerable.Range(0, random.Next(0, 20)).Select(_ => vocabulary[random.Next(vocabulary.Length)]).ToList();

            var result = ProgramLogParser.Parse(logs, SpinPet);

            Assert.All(result.Data, d => Assert.Equal("AAAA", d));
        }
    }
}
