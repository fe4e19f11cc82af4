using System.Buffers;
using System.Text.Json;

namespace Spin.Gateway.Api;

/// <summary>spin-server's envelope <c>{success, data, message}</c>, written field by field so names, order and
/// number formats match the original exactly.</summary>
public static class ApiResponse
{
    /// <summary>The message of every successful response.</summary>
    public const string SuccessMessage = "Operation successful";

    /// <summary>The message of a successful response for a mint whose silo is still catching up its data.</summary>
    public const string SyncingMessage = "Operation successful; part of this data is still catching up after a cluster change and may be incomplete";

    /// <summary>The header set to <c>true</c> on answers drawn from a mint or catalog shard that is still catching up.</summary>
    public const string SyncingHeader = "X-Spin-Syncing";

    /// <summary>A 200 response whose data is written by <paramref name="writeData"/>.</summary>
    public static IResult Ok(Action<Utf8JsonWriter> writeData) => Write(StatusCodes.Status200OK, true, writeData, SuccessMessage);

    /// <summary>A 200 response whose message says more than <see cref="SuccessMessage"/>, e.g. what was left out.</summary>
    public static IResult Ok(Action<Utf8JsonWriter> writeData, string message) => Write(StatusCodes.Status200OK, true, writeData, message);

    /// <summary>A 200 response for a mint's data; when <paramref name="syncing"/>, the message and the
    /// <see cref="SyncingHeader"/> header say the data may be incomplete rather than passing it off as complete.</summary>
    public static IResult Ok(Action<Utf8JsonWriter> writeData, bool syncing) =>
        syncing ? Write(StatusCodes.Status200OK, true, writeData, SyncingMessage, syncing: true) : Ok(writeData);

    /// <summary>An error response (4xx/5xx) carrying the endpoint's default data object and a clear message.</summary>
    public static IResult Error(int statusCode, string message, Action<Utf8JsonWriter> writeDefaultData) =>
        Write(statusCode, false, writeDefaultData, message);

    private static IResult Write(int statusCode, bool success, Action<Utf8JsonWriter> writeData, string message, bool syncing = false)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteBoolean("success", success);
            writer.WritePropertyName("data");
            writeData(writer);
            writer.WriteString("message", message);
            writer.WriteEndObject();
        }

        return new JsonBytesResult(buffer.WrittenMemory, statusCode, syncing);
    }

    private sealed class JsonBytesResult(ReadOnlyMemory<byte> body, int statusCode, bool syncing) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = statusCode;
            if (syncing)
            {
                httpContext.Response.Headers[SyncingHeader] = "true";
            }

            httpContext.Response.ContentType = "application/json; charset=utf-8";
            httpContext.Response.ContentLength = body.Length;
            await httpContext.Response.Body.WriteAsync(body);
        }
    }
}
