using System.ComponentModel.DataAnnotations;

namespace Spin.Gateway.Security;

/// <summary>Optional API keys with a per-key rate limit (<c>Spin:Http:ApiKeys</c>); off by default, as spin-server had
/// none. When on, every <c>/api/</c> request must carry a configured key; health, liveness and the API documentation
/// stay open.</summary>
public sealed class ApiKeyOptions : IValidatableObject
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Spin:Http:ApiKeys";

    /// <summary>Require a key on <c>/api/</c>.</summary>
    public bool Enabled { get; set; }

    /// <summary>The request header that carries the key.</summary>
    [Required]
    public string HeaderName { get; set; } = "X-API-Key";

    /// <summary>Requests per minute per key, unless the key sets its own.</summary>
    [Range(1, 10_000_000)]
    public int RequestsPerMinute { get; set; } = 600;

    /// <summary>The accepted keys.</summary>
    public List<ApiKey> Keys { get; set; } = [];

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Enabled && Keys.Count == 0)
        {
            yield return new ValidationResult("Spin:Http:ApiKeys:Enabled is true but Spin:Http:ApiKeys:Keys lists no key.", [nameof(Keys)]);
        }

        foreach (var (key, index) in Keys.Select((k, i) => (k, i)))
        {
            if (string.IsNullOrWhiteSpace(key.Key) || key.Key.Length < 16)
            {
                yield return new ValidationResult($"Spin:Http:ApiKeys:Keys:{index}:Key must be at least 16 characters.", [nameof(Keys)]);
            }

            if (key.RequestsPerMinute is < 1)
            {
                yield return new ValidationResult($"Spin:Http:ApiKeys:Keys:{index}:RequestsPerMinute must be positive.", [nameof(Keys)]);
            }
        }

        if (Keys.Select(k => k.Key).Distinct(StringComparer.Ordinal).Count() != Keys.Count)
        {
            yield return new ValidationResult("Spin:Http:ApiKeys:Keys lists a key twice.", [nameof(Keys)]);
        }
    }
}

/// <summary>One API key.</summary>
public sealed class ApiKey
{
    /// <summary>The secret the client sends.</summary>
    public string Key { get; set; } = string.Empty;

    /// <summary>A name for logs and metrics (the key itself is never logged).</summary>
    public string? Name { get; set; }

    /// <summary>This key's requests per minute, overriding the default.</summary>
    public int? RequestsPerMinute { get; set; }
}
