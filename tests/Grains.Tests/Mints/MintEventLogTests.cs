using Spin.Chain.Binary;
using Spin.Grains.Interfaces.Events;
using Spin.Grains.Interfaces.Mints;
using Spin.Grains.Mints;
using Spin.Grains.Tests.Infrastructure;

namespace Spin.Grains.Tests.Mints;

public sealed class MintEventLogTests : IDisposable
{
    private readonly StoreFixture _store = new();
    private readonly string _mint = TestEvents.Key();

    public void Dispose() => _store.Dispose();

    [Fact]
    public void AppendsInOrderAndSkipsEventsItAlreadyHas()
    {
        var log = Open();
        var first = TestEvents.BuySell(_mint, 10);
        var second = TestEvents.BuySell(_mint, 11);

        var a = log.Append([first, second]);
        var b = log.Append([second, first, TestEvents.BuySell(_mint, 12)]);

        Assert.Equal(new ApplyResult(2, 0, 2), a);
        Assert.Equal(new ApplyResult(1, 2, 3), b);
        Assert.Equal([10UL, 11UL, 12UL], log.Read(new EventQuery(1, 10, false)).Events.Select(e => e.Event.Slot));
    }

    [Fact]
    public void KeepsSeveralEventsOfOneTypeInOneTransaction()
    {
        var log = Open();
        var signature = TestEvents.Key() + TestEvents.Key();

        log.Append([TestEvents.BuySell(_mint, 5, signature, 0), TestEvents.BuySell(_mint, 5, signature, 1), TestEvents.BuySell(_mint, 5, signature, 1)]);

        var page = log.Read(new EventQuery(1, 10, false));
        Assert.Equal(2, page.Total);
        Assert.Equal([0, 1], page.Events.Select(e => e.Event.Id.Index));
    }

    [Fact]
    public void SurvivesReopeningWithTheSameSequence()
    {
        Open().Append([TestEvents.BuySell(_mint, 1), TestEvents.BuySell(_mint, 2)]);
        _store.Reopen();

        var log = Open();
        var result = log.Append([TestEvents.BuySell(_mint, 3)]);

        Assert.Equal(3, result.LastSeq);
        Assert.Equal([1L, 2L, 3L], log.Read(new EventQuery(1, 10, false)).Events.Select(e => e.Seq));
    }

    [Fact]
    public void RoundTripsEveryFieldExactly()
    {
        var log = Open();
        var original = TestEvents.BuySell(_mint, ulong.MaxValue - 1, solAmount: ulong.MaxValue);

        log.Append([original]);

        Assert.Equal(original, log.Read(new EventQuery(1, 1, false)).Events.Single().Event);
    }

    [Fact]
    public void DoesNotSeeOtherMintsEvents()
    {
        var other = new MintEventLog(_store.Store, PublicKey.Parse(TestEvents.Key()));
        other.Load();
        other.Append([TestEvents.BuySell(TestEvents.Key(), 1)]);

        var log = Open();

        Assert.Equal(0, log.LastSeq);
        Assert.Empty(log.Read(new EventQuery(1, 10, true)).Events);
    }

    private MintEventLog Open()
    {
        var log = new MintEventLog(_store.Store, PublicKey.Parse(_mint));
        log.Load();
        return log;
    }
}
