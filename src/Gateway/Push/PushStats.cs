namespace Spin.Gateway.Push;

/// <summary>Counters of the live push, for <c>/api/kline/status</c> and metrics.</summary>
public sealed class PushStats
{
    private long _events;
    private long _candles;

    /// <summary>Event messages sent: to subscriber groups, and to resuming clients.</summary>
    public long EventsPushed => Interlocked.Read(ref _events);

    /// <summary>Candle messages sent to subscriber groups.</summary>
    public long CandleMessages => Interlocked.Read(ref _candles);

    internal void Pushed(int events) => Interlocked.Add(ref _events, events);

    internal void CandlesPushed(int candles) => Interlocked.Add(ref _candles, candles);
}
