namespace Spin.Grains.Details;

/// <summary>The outcome of one metadata fetch: the JSON text, or a failure that is retryable (timeout, 5xx, 429,
/// connection error) or permanent (unsupported URI, other status, oversized or non-JSON body).</summary>
public sealed record MetadataFetchResult(string? Json, string? Failure, bool Retryable)
{
    /// <summary>A JSON object or array, as received.</summary>
    public static MetadataFetchResult Success(string json) => new(json, null, false);

    /// <summary>A failure worth retrying.</summary>
    public static MetadataFetchResult Retry(string failure) => new(null, failure, true);

    /// <summary>A failure that another attempt would repeat.</summary>
    public static MetadataFetchResult Permanent(string failure) => new(null, failure, false);
}
