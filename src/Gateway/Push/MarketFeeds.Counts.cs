namespace Spin.Gateway.Push;

/// <summary>What <c>/api/kline/status</c> and <c>/api/kline/subscriptions</c> report: counts, never who is connected.</summary>
public sealed partial class MarketFeeds
{
    /// <summary>Mints watched by this gateway.</summary>
    public int MonitoredMints
    {
        get
        {
            lock (_feeds)
            {
                return _feeds.Count;
            }
        }
    }

    /// <summary>Open connections.</summary>
    public int Connections => _connections.Count;

    /// <summary>Subscriptions over all connections.</summary>
    public int Subscriptions => _connections.Values.Sum(s => { lock (s) { return s.Count; } });

    /// <summary>Subscribers per SignalR group (<c>kline:{mint}:{interval}</c> for candles, <c>trades:{mint}</c> for events).</summary>
    public IReadOnlyDictionary<string, int> SubscribersByGroup()
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var subscriptions in _connections.Values)
        {
            lock (subscriptions)
            {
                foreach (var group in subscriptions)
                {
                    counts[group] = counts.GetValueOrDefault(group) + 1;
                }
            }
        }

        return counts;
    }
}
