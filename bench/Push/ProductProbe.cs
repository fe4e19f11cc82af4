using System.Text.Json.Nodes;
using Spin.Gateway.Tests.Infrastructure;

namespace Spin.Bench.Push;

/// <summary>Where the product's latency goes, sampled once a second during the window from its own counters: how far
/// the index lags the chain (<c>/api/events/status</c> <c>cursor_slot</c> against the newest slot emitted), and how many
/// applied events the gateway has not pushed yet (<c>total_events_processed</c> minus <c>/api/kline/status</c>
/// <c>stats.events_pushed</c>, relative to the window's start).</summary>
public sealed class ProductProbe : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly List<(double IngestLagMs, long PushBacklog)> _samples = [];
    private readonly Task _loop;
    private int _windowStart;
    private (long Processed, long Pushed)? _base;

    private ProductProbe(GatewayProcess gateway, EmitClock emits) => _loop = RunAsync(gateway, emits);

    /// <summary>Starts sampling.</summary>
    public static ProductProbe Start(GatewayProcess gateway, EmitClock emits) => new(gateway, emits);

    /// <summary>Waits until the index has been within <paramref name="lagMs"/> of the chain for three samples in a row
    /// (the backlog of the subscription storm worked off), or the timeout passes; returns how long that took, or null.</summary>
    public async Task<TimeSpan?> SettleAsync(double lagMs, TimeSpan timeout)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            lock (_samples)
            {
                if (_samples.Count >= 3 && _samples.TakeLast(3).All(s => s.IngestLagMs <= lagMs))
                {
                    return clock.Elapsed;
                }
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }

        return null;
    }

    /// <summary>Starts the samples that <see cref="StopAsync"/> describes.</summary>
    public void MarkWindowStart()
    {
        lock (_samples)
        {
            _windowStart = _samples.Count;
            _base = null;
        }
    }

    /// <summary>Stops sampling and describes what was seen since <see cref="MarkWindowStart"/>.</summary>
    public async Task<string> StopAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        var samples = _samples.Skip(_windowStart).ToList();
        if (samples.Count == 0)
        {
            return "no probe sample";
        }

        var lags = samples.Select(s => s.IngestLagMs).Order().ToList();
        var backlog = samples.Select(s => s.PushBacklog).ToList();
        return $"index behind the chain: median {lags[lags.Count / 2]:F0} ms, max {lags[^1]:F0} ms (slots × {PushBenchOptions.SlotMs} ms); " +
            $"applied but not yet pushed, change over the window: {backlog[^1]:+#,0;-#,0;0} events (max {backlog.Max():N0})";
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }

    private async Task RunAsync(GatewayProcess gateway, EmitClock emits)
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var ingest = (await gateway.GetJsonAsync("api/events/status"))["data"]!;
                var push = (await gateway.GetJsonAsync("api/kline/status"))["data"]!["stats"]!;
                var (processed, pushed) = (Long(ingest, "total_events_processed"), Long(push, "events_pushed"));
                var lagSlots = Math.Max(0, (long)emits.LastSlot - Long(ingest, "cursor_slot"));
                lock (_samples)
                {
                    _base ??= (processed, pushed);
                    _samples.Add((lagSlots * PushBenchOptions.SlotMs, processed - _base.Value.Processed - (pushed - _base.Value.Pushed)));
                }

                await Task.Delay(TimeSpan.FromSeconds(1), _stop.Token);
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // Stopped.
        }
    }

    private static long Long(JsonNode node, string name) => node[name]!.GetValue<long>();
}
