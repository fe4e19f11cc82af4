using System.ComponentModel.DataAnnotations;

namespace Spin.Gateway.Push;

/// <summary>Live push over SignalR (<c>Spin:Push</c>).</summary>
public sealed class PushOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Spin:Push";

    /// <summary>At most one candle message per (mint, interval) in this time; the last state of every candle is always
    /// sent. Zero sends every update.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan CandleCoalesce { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Subscriptions one connection may hold.</summary>
    [Range(1, 100_000)]
    public int MaxSubscriptionsPerConnection { get; set; } = 100;

    /// <summary>The largest message a client may send.</summary>
    [Range(1_024, 1024 * 1024)]
    public long MaxMessageBytes { get; set; } = 32 * 1024;

    /// <summary>Candles or events sent on subscribe when the client does not say.</summary>
    [Range(0, 1000)]
    public int DefaultHistory { get; set; } = 100;

    /// <summary>The most missed events a resuming client (<c>since</c>) is sent; further behind, it must re-read over HTTP.</summary>
    [Range(1, 10_000_000)]
    public int MaxResumeEvents { get; set; } = 100_000;

    /// <summary>How often this gateway renews its registrations with the mints it watches (and so how soon pushes
    /// resume after a silo restart).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan RenewInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a registration lives without renewal: a dead gateway stops receiving pushes after this.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The most candles a subscribe may ask for.</summary>
    public const int MaxHistory = 1000;
}
