namespace Spin.Gateway.Tests.Infrastructure;

/// <summary>Awaits a condition observed from outside a process (over HTTP) with a deadline; the only way to wait
/// for another process that offers no push signal.</summary>
public static class Eventually
{
    /// <summary>Re-checks <paramref name="condition"/> until it holds or the timeout passes, then fails with
    /// <paramref name="what"/> and the last observation.</summary>
    public static async Task HoldsAsync(Func<Task<(bool Ok, string Observed)>> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        var observed = "nothing observed";
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                (var ok, observed) = await condition();
                if (ok)
                {
                    return;
                }
            }
            catch (HttpRequestException ex)
            {
                observed = ex.Message;
            }
            catch (TaskCanceledException ex) when (ex.InnerException is TimeoutException)
            {
                // An HttpClient timeout: the other process is up but slow (a loaded machine), which is "not yet".
                observed = ex.Message;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }

        throw new TimeoutException($"Timed out after {timeout} waiting for {what}; last observed: {observed}");
    }
}
