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
}
