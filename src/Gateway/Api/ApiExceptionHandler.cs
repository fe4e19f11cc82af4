using Microsoft.AspNetCore.Diagnostics;

namespace Spin.Gateway.Api;

/// <summary>The one place that maps exceptions to responses: bad input → 400 with the envelope, anything else on
/// <c>/api/*</c> → 500 with the envelope and a logged error.</summary>
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
        else
        {
            LogErrorUnhandled(logger, exception, httpContext.Request.Path);
            result = ApiResponse.Error(StatusCodes.Status500InternalServerError, "Internal server error", defaultData);
        }

        await result.ExecuteAsync(httpContext);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled error on {Path}")]
    private static partial void LogErrorUnhandled(ILogger logger, Exception exception, PathString path);
}
