using System.Diagnostics;

namespace Spin.Bench.Query;

/// <summary>An open-loop load generator: request i is due at <c>i / rate</c> seconds after the start, whatever the
/// answers before it do, and its latency runs from that intended send time to the body read, so a server that stalls
/// is charged for every request it held up (no coordinated omission).</summary>
public sealed class OpenLoop(HttpClient http, IReadOnlyList<QueryRequest> mix)
{
    /// <summary>Offers <paramref name="rate"/> requests/s for the warm-up and then the window; reports the window.</summary>
    public async Task<WindowResult> RunAsync(int rate, TimeSpan warmup, TimeSpan window)
    {
        var total = (long)(rate * (warmup + window).TotalSeconds);
        var skip = (long)(rate * warmup.TotalSeconds);
        var latencies = new double[total];
        var outcomes = new string?[total];
        var start = Stopwatch.GetTimestamp();
        var sends = new List<Task>((int)total);
        var loadBefore = MachineInfo.LoadAverage();
        for (long next = 0; next < total;)
        {
            var due = Math.Min(total, (long)(Stopwatch.GetElapsedTime(start).TotalSeconds * rate) + 1);
            for (; next < due; next++)
            {
                sends.Add(SendAsync(next, start, next * 1000.0 / rate, latencies, outcomes));
            }

            // The timer's granularity (about 1 ms) batches the sends; their latency still counts from the intended time.
            await Task.Delay(1);
        }

        await Task.WhenAll(sends);
        var elapsed = Stopwatch.GetElapsedTime(start);
        return WindowResult.Of(mix, skip, latencies, outcomes, (total - skip) / (elapsed - warmup).TotalSeconds, loadBefore, MachineInfo.LoadAverage());
    }

    private async Task SendAsync(long index, long start, double intendedMs, double[] latencies, string?[] outcomes)
    {
        var request = mix[(int)(index % mix.Count)];
        try
        {
            using var message = request.ToMessage();
            using var response = await http.SendAsync(message, HttpCompletionOption.ResponseContentRead);
            var body = await response.Content.ReadAsByteArrayAsync();
            latencies[index] = Stopwatch.GetElapsedTime(start).TotalMilliseconds - intendedMs;
            outcomes[index] = (int)response.StatusCode != 200 ? $"HTTP {(int)response.StatusCode}"
                : body.AsSpan().SequenceEqual(request.Expected) ? null : "bytes differ from the first answer";
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            latencies[index] = Stopwatch.GetElapsedTime(start).TotalMilliseconds - intendedMs;
            outcomes[index] = WindowResult.NoAnswer + ex.GetType().Name;
        }
    }
}
