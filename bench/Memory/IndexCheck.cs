using Spin.Gateway.Tests.Infrastructure;

namespace Spin.Bench.Memory;

/// <summary>The correctness check once every event is counted: the simulator created the N mints asked for, the product
/// lists exactly that many (<c>/api/mints</c> total), and a sample of mints spread over the truth serves exactly the
/// truth's number of events each (<c>/api/events</c> total).</summary>
public static class IndexCheck
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    /// <summary>The failed checks (none: the index is the truth, as far as checked).</summary>
    public static async Task<List<string>> RunAsync(GatewayProcess product, IReadOnlyDictionary<string, int> truth, MemoryOptions o)
    {
        var failures = new List<string>();
        if (truth.Count != o.Mints)
        {
            failures.Add($"the simulator created {truth.Count:N0} of {o.Mints:N0} mints (raise --transactions-per-mint)");
        }

        await Check(failures, () => Eventually.HoldsAsync(async () =>
        {
            var total = (await product.GetJsonAsync("api/mints?limit=1"))["data"]!["total"]!.GetValue<long>();
            return (total == truth.Count, $"/api/mints total {total:N0}, the truth {truth.Count:N0}");
        }, Patience, "the product to list every mint"));

        var sample = Sample(truth.Keys, o.Sample);
        await Check(failures, () => Eventually.HoldsAsync(async () =>
        {
            foreach (var mint in sample)
            {
                var stored = await product.CountEventsAsync(mint);
                if (stored != truth[mint])
                {
                    return (false, $"{mint}: {stored} events served, {truth[mint]} in the truth");
                }
            }

            return (true, "every sampled count equal");
        }, Patience, $"{sample.Count} sampled mints to serve the truth's event counts"));
        return failures;
    }

    // Evenly spread over the mints in ordinal order, which the base58 keys make a random order of launch.
    private static List<string> Sample(IEnumerable<string> mints, int size)
    {
        var sorted = mints.Order(StringComparer.Ordinal).ToList();
        var step = Math.Max(1, sorted.Count / Math.Max(1, size));
        return sorted.Where((_, i) => i % step == 0).Take(size).ToList();
    }

    private static async Task Check(List<string> failures, Func<Task> check)
    {
        try
        {
            await check();
        }
        catch (TimeoutException ex)
        {
            failures.Add(ex.Message);
        }
    }
}
