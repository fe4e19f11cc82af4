using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using Spin.Gateway.Api;

namespace Spin.Gateway.Security;

/// <summary>Admits at most <see cref="HttpOptions.MaxConcurrentRequests"/> API requests at once and queues at most
/// <see cref="HttpOptions.MaxQueuedRequests"/>, each for at most <see cref="HttpOptions.MaxQueueWait"/>; every other
/// request gets a fast 503 with <c>Retry-After: 1</c> and the envelope. Under overload the product keeps answering what
/// it can at full speed instead of queueing without bound until every request times out.</summary>
public static partial class LoadShedding
{
    /// <summary>Adds the limiter for <c>/api/</c> to the pipeline.</summary>
    public static WebApplication UseSpinLoadShedding(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<HttpOptions>>().Value;
        var limiter = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = options.MaxConcurrentRequests,
            QueueLimit = options.MaxQueuedRequests,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
        var shed = app.Services.GetRequiredService<ShedCounter>();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(LoadShedding));
        app.Use(async (context, next) =>
        {
            if (!context.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal))
            {
                await next(context);
                return;
            }

            using var lease = await AcquireAsync(limiter, options.MaxQueueWait, context.RequestAborted);
            if (lease.IsAcquired)
            {
                await next(context);
                return;
            }

            if (shed.Shed() == 1)
            {
                LogWarningShedding(logger, options.MaxConcurrentRequests, options.MaxQueuedRequests);
            }

            context.Response.Headers.RetryAfter = "1";
            var defaultData = context.GetEndpoint()?.Metadata.GetMetadata<DefaultData>()?.Write ?? (w => w.WriteNullValue());
            await ApiResponse.Error(StatusCodes.Status503ServiceUnavailable,
                "The server is at capacity; retry in a moment", defaultData).ExecuteAsync(context);
        });
        return app;
    }

    // A request still queued when the wait ends gets a failed lease, as a request refused at once (queue full) does.
    private static async ValueTask<RateLimitLease> AcquireAsync(ConcurrencyLimiter limiter, TimeSpan wait, CancellationToken aborted)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(aborted);
        timeout.CancelAfter(wait);
        try
        {
            return await limiter.AcquireAsync(1, timeout.Token);
        }
        catch (OperationCanceledException) when (!aborted.IsCancellationRequested)
        {
            return Refused.Instance;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Shedding API requests: {Concurrent} in progress and {Queued} queued")]
    private static partial void LogWarningShedding(ILogger logger, int concurrent, int queued);

    private sealed class Refused : RateLimitLease
    {
        public static readonly Refused Instance = new();

        public override bool IsAcquired => false;

        public override IEnumerable<string> MetadataNames => [];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }
    }
}
