using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using Spin.Gateway.Api;

namespace Spin.Gateway.Security;

/// <summary>Checks the API key of <c>/api/</c> requests (401 with the envelope when missing or unknown) and limits each
/// key to its requests per minute (429 with the envelope and <c>Retry-After</c> in seconds).</summary>
public static partial class ApiKeyLimits
{
    private const string KeyItem = "spin.api-key";

    /// <summary>Registers the options and the per-key limiter.</summary>
    public static WebApplicationBuilder AddSpinApiKeys(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ApiKeyOptions>().BindConfiguration(ApiKeyOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                context.Items[KeyItem] is ApiKey key
                    ? RateLimitPartition.GetFixedWindowLimiter(key.Key, _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = key.RequestsPerMinute ?? context.RequestServices.GetRequiredService<IOptions<ApiKeyOptions>>().Value.RequestsPerMinute,
                        Window = TimeSpan.FromMinutes(1),
                        QueueLimit = 0,
                    })
                    : RateLimitPartition.GetNoLimiter(string.Empty));
            limiter.OnRejected = async (rejected, cancellationToken) =>
            {
                var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)) : 60;
                rejected.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                var key = (ApiKey)rejected.HttpContext.Items[KeyItem]!;
                LogRateLimited(rejected.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ApiKeyLimits)), key.Name ?? "unnamed");
                await RejectAsync(rejected.HttpContext, StatusCodes.Status429TooManyRequests, $"rate limit of this API key exceeded; retry after {seconds} s");
            };
        });
        return builder;
    }

    /// <summary>Adds the key check and the limiter to the pipeline (after routing, so errors carry the endpoint's data).</summary>
    public static WebApplication UseSpinApiKeys(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<ApiKeyOptions>>().Value;
        if (!options.Enabled)
        {
            return app;
        }

        var keys = options.Keys.Select(k => (Hash: SHA256.HashData(Encoding.UTF8.GetBytes(k.Key)), Key: k)).ToList();
        app.Use(async (context, next) =>
        {
            if (!context.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal))
            {
                await next(context);
                return;
            }

            var presented = context.Request.Headers[options.HeaderName].ToString();
            var hash = SHA256.HashData(Encoding.UTF8.GetBytes(presented));
            var match = presented.Length == 0 ? null : keys.FirstOrDefault(k => CryptographicOperations.FixedTimeEquals(k.Hash, hash)).Key;
            if (match is null)
            {
                await RejectAsync(context, StatusCodes.Status401Unauthorized,
                    presented.Length == 0 ? $"an API key is required in the {options.HeaderName} header" : "the API key is not valid");
                return;
            }

            context.Items[KeyItem] = match;
            await next(context);
        });
        app.UseRateLimiter();
        return app;
    }

    private static Task RejectAsync(HttpContext context, int statusCode, string message)
    {
        var defaultData = context.GetEndpoint()?.Metadata.GetMetadata<DefaultData>()?.Write ?? (w => w.WriteNullValue());
        return ApiResponse.Error(statusCode, message, defaultData).ExecuteAsync(context);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "API key {KeyName} exceeded its rate limit")]
    private static partial void LogRateLimited(ILogger logger, string keyName);
}
