using Spin.Grains.Interfaces.Replication;

namespace Spin.Grains.Placement;

/// <summary>Asks the store of every active silo the same question, each within <paramref name="timeout"/>.</summary>
public static class SiloStores
{
    /// <summary>Every active silo's answer, by silo name; null for a silo that failed or did not answer in time (reported
    /// to <paramref name="failed"/>), so the caller knows its answer is partial.</summary>
    public static async Task<Dictionary<string, T?>> AskAllAsync<T>(SiloRanking ranking, IGrainFactory grains, TimeSpan timeout,
        Func<ISiloStoreGrain, Task<T>> ask, Action<string, Exception> failed) where T : class
    {
        var silos = ranking.Active.Keys.ToList();
        var answers = await Task.WhenAll(silos.Select(async silo =>
        {
            try
            {
                return await ask(grains.GetGrain<ISiloStoreGrain>(SiloStoreGrain.KeyOf(silo))).WaitAsync(timeout);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                failed(silo, ex);
                return null;
            }
        }));
        return silos.Select((silo, i) => (silo, answers[i])).ToDictionary(p => p.silo, p => p.Item2, StringComparer.Ordinal);
    }
}
