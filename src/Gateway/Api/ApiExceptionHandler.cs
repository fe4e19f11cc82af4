using Microsoft.AspNetCore.Diagnostics;

namespace Spin.Gateway.Api;

/// <summary>The one place that maps exceptions to responses: bad input → 400 with the envelope; a cluster that cannot
/// answer right now (a grain call timed out, or its silo died and the grain is moving) → 503 with <c>Retry-After</c>;
/// anything else on <c>/api/*</c> → 500 with the envelope and a logged error.</summary>
public sealed partial class ApiExceptionHandler(ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    /// <inheritdoc />
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!httpContext.Request.Path.StartsWithSegments("/api"))
        {
            return false;
        }

        var endpoint = httpContext.Features.Get<IExceptionHandlerFeature>()?.Endpoint ?? httpContext.GetEndpoint();
        var defaultData = endpoint?.Metadata.GetMetadata<DefaultData>()?.Write ?? (w => w.WriteNullValue());
        IResult result;
        if (exception is BadRequestException)
        {
            result = ApiResponse.Error(StatusCodes.Status400BadRequest, exception.Message, defaultData);
        }
        else if (exception is BadHttpRequestException bad)
        {
            // Kestrel's own refusals keep their status (413 for an oversized body).
            result = ApiResponse.Error(bad.StatusCode, bad.Message, defaultData);
        }
        else if (IsTransient(exception))
        {
            LogWarningUnavailable(logger, exception.Message, httpContext.Request.Path);
            httpContext.Response.Headers.RetryAfter = "1";
            result = ApiResponse.Error(StatusCodes.Status503ServiceUnavailable,
                "The cluster cannot answer for this right now (a silo is failing over); retry in a moment", defaultData);
        }
        else
        {
            LogErrorUnhandled(logger, exception, httpContext.Request.Path);
            result = ApiResponse.Error(StatusCodes.Status500InternalServerError, "Internal server error", defaultData);
        }

        await result.ExecuteAsync(httpContext);
        return true;
    }

    /// <summary>True for the failures a retry a moment later cures: a grain call that got no answer in time, and a message
    /// rejected because its silo died or the cluster could not be reached.</summary>
    public static bool IsTransient(Exception exception) =>
        exception is TimeoutException or Orleans.Runtime.SiloUnavailableException or Orleans.Runtime.OrleansMessageRejectionException
            or Orleans.Runtime.Messaging.ConnectionFailedException;

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Path} answered 503: {Reason}")]
    private static partial void LogWarningUnavailable(ILogger logger, string reason, PathString path);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled error on {Path}")]
    private static partial void LogErrorUnhandled(ILogger logger, Exception exception, PathString path);
}
