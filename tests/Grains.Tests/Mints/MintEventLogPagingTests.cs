using Spin.Chain.Binary;
using Spin.Grains.Interfaces.Mints;
using Spin.Grains.Mints;
using Spin.Grains.Tests.Infrastructure;

namespace Spin.Grains.Tests.Mints;

public sealed class MintEventLogPagingTests : IDisposable
{
    private static readonly ulong[] Slots = [1, 1, 1, 2, 3, 3, 4, 4, 4, 4, 5, 6, 6, 7, 8, 8, 8, 9];
    private readonly StoreFixture _store = new();
    private readonly MintEventLog _log;

    public MintEventLogPagingTests()
    {
        var mint = TestEvents.Key();
        _log = new MintEventLog(_store.Store, PublicKey.Parse(mint));
        _log.Load();
        _log.Append(Slots.Select(s => TestEvents.BuySell(mint, s)).ToList());
    }

    public void Dispose() => _store.Dispose();

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(7)]
    [InlineData(18)]
    [InlineData(50)]
    public void PagesDescendingBySlotKeepingChainOrderInsideASlot(int limit)
    {
        var expected = Enumerable.Range(1, Slots.Length).GroupBy(seq => Slots[seq - 1]).Reverse().SelectMany(g => g).ToList();

        var actual = ReadAll(limit, descending: true);

        Assert.Equal(expected, actual);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(18)]
    public void PagesAscendingInChainOrder(int limit)
    {
        Assert.Equal(Enumerable.Range(1, Slots.Length).Select(i => (long)i), ReadAll(limit, descending: false).Select(i => (long)i));
    }

    [Fact]
    public void ReturnsAnEmptyPageBeyondTheEndWithTheRealTotal()
    {
        var page = _log.Read(new EventQuery(100, 10, true));

        Assert.Empty(page.Events);
        Assert.Equal(Slots.Length, page.Total);
    }

    private List<int> ReadAll(int limit, bool descending)
    {
        var all = new List<int>();
        for (var page = 1; ; page++)
        {
            var result = _log.Read(new EventQuery(page, limit, descending));
            if (result.Events.Count == 0)
            {
                return all;
            }

            Assert.True(result.Events.Count <= limit);
            all.AddRange(result.Events.Select(e => (int)e.Seq));
        }
    }
}
