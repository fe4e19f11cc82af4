using System.ComponentModel.DataAnnotations;

namespace Spin.Gateway;

/// <summary>HTTP limits and CORS (<c>Spin:Http</c>).</summary>
public sealed class HttpOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Spin:Http";

    /// <summary>Allowed CORS origins; <c>*</c> (the default, like spin-server) allows any.</summary>
    public string[] CorsOrigins { get; set; } = ["*"];

    /// <summary>Largest request body (POST /api/details with 1000 mints is about 46 KB).</summary>
    [Range(1_024, 100 * 1024 * 1024)]
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Longest request line (path and query).</summary>
    [Range(256, 65_536)]
    public int MaxRequestLineBytes { get; set; } = 8_192;

    /// <summary>API requests (<c>/api/</c>) served at once; more wait in the queue. Enough to keep two cores busy with
    /// grain calls in flight, few enough that a request admitted under overload is still answered quickly.</summary>
    [Range(1, 100_000)]
    public int MaxConcurrentRequests { get; set; } = 64;

    /// <summary>API requests that may wait for one of the <see cref="MaxConcurrentRequests"/>; beyond it a request is
    /// answered at once with 503 and <c>Retry-After</c> (0 sheds everything beyond the concurrent ones).</summary>
    [Range(0, 1_000_000)]
    public int MaxQueuedRequests { get; set; } = 256;

    /// <summary>The longest an API request waits in the queue before it is answered 503 instead.</summary>
    public TimeSpan MaxQueueWait { get; set; } = TimeSpan.FromSeconds(1);
}
