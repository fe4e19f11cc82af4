using Xunit.Sdk;

namespace Spin.Cluster.Tests.Failover;

/// <summary>The must-hold properties a failover test checks, collected so that one run reports every broken one (a
/// cluster run is too long to learn them one failure at a time); <see cref="Assert"/> fails with all of them and the
/// processes' last lines.</summary>
public sealed class MustHold(FailoverFigures figures)
{
    private readonly List<string> _broken = [];

    /// <summary>Records <paramref name="what"/> as broken unless <paramref name="holds"/>.</summary>
    public void Check(bool holds, string what)
    {
        if (!holds)
        {
            lock (_broken)
            {
                _broken.Add(what);
            }

            figures.Step($"BROKEN: {what}");
        }
    }

    /// <summary>Runs an assertion or a wait; its failure is recorded as broken instead of ending the test.</summary>
    public async Task CheckAsync(Func<Task> assertion)
    {
        try
        {
            await assertion();
        }
        catch (Exception ex) when (ex is XunitException or TimeoutException)
        {
            Check(false, ex.Message);
        }
    }

    /// <summary>Fails with every broken property, if any.</summary>
    public void Assert(FailoverCluster cluster)
    {
        figures.Record("must_hold_broken", _broken.Count);
        Xunit.Assert.True(_broken.Count == 0,
            $"{_broken.Count} must-hold propert{(_broken.Count == 1 ? "y" : "ies")} broken:{Environment.NewLine}- " +
            string.Join($"{Environment.NewLine}- ", _broken) + $"{Environment.NewLine}{cluster.Tails()}");
    }
}
