using System.ComponentModel.DataAnnotations;

namespace Spin.Grains.Details;

/// <summary>How each token's metadata (<c>uri_data</c>) is fetched from its URI (<c>Spin:Metadata</c>).</summary>
public sealed class MetadataOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Spin:Metadata";

    /// <summary>Fetch metadata at all; when off, <c>uri_data</c> stays null.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The HTTP gateway that <c>ipfs://</c> URIs are resolved against; the CID and path are appended.</summary>
    [Required, RegularExpression("^https?://.+", ErrorMessage = "Spin:Metadata:IpfsGateway must be an http:// or https:// URL.")]
    public string IpfsGateway { get; set; } = "https://ipfs.io/ipfs/";

    /// <summary>The deadline of one attempt, connection to last byte.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Attempts per token before a retryable failure (timeout, 5xx, 429, connection error) becomes final.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 5;

    /// <summary>The delay before the first retry; it doubles with each further attempt (with jitter).</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The largest body accepted; a larger one is a permanent failure.</summary>
    [Range(1, 16 * 1024 * 1024)]
    public int MaxBytes { get; set; } = 256 * 1024;

    /// <summary>Connections per metadata host: a burst of new tokens (a backfill) queues here instead of flooding the
    /// IPFS gateway; a request that waits past <see cref="Timeout"/> is retried later.</summary>
    [Range(1, 1024)]
    public int MaxConnectionsPerServer { get; set; } = 8;

    /// <summary>Allow URIs that resolve to loopback, private or link-local addresses. Off by default: token URIs are
    /// chosen by whoever creates the token, and the fetched JSON is served publicly.</summary>
    public bool AllowPrivateNetworks { get; set; }
}
