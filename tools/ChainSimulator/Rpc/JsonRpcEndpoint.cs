using System.Text.Json;

namespace Spin.ChainSimulator.Rpc;

/// <summary>The validator's JSON-RPC 2.0 over HTTP: single and batch calls, notifications (no id) answered with
/// nothing, the standard error codes, and the methods an indexer uses (<see cref="RpcMethods"/>).</summary>
public sealed class JsonRpcEndpoint(RpcMethods methods)
{
    /// <summary>Answers one HTTP request body (the validator takes only JSON content types).</summary>
    public async Task HandleAsync(HttpContext context)
    {
        if (context.Request.ContentType?.ToLowerInvariant() is not ("application/json" or "application/json; charset=utf-8"))
        {
            context.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
            await context.Response.WriteAsync("Supplied content type is not allowed. Content-Type: application/json is required\n");
            return;
        }

        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
        }
        catch (JsonException)
        {
            await RespondAsync(context, RpcJson.Error(default, -32700, "Parse error"));
            return;
        }

        using (document)
        {
            await RespondAsync(context, Answer(document.RootElement));
        }
    }

    /// <summary>The response body for a parsed request: empty when every call was a notification.</summary>
    public byte[] Answer(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Array)
        {
            return RpcJson.Write(w => Call(w, root));
        }

        if (root.GetArrayLength() == 0)
        {
            return RpcJson.Error(default, -32600, "Invalid request");
        }

        var answered = 0;
        var body = RpcJson.Write(w =>
        {
            w.WriteStartArray();
            foreach (var call in root.EnumerateArray())
            {
                answered += Call(w, call) ? 1 : 0;
            }

            w.WriteEndArray();
        });
        return answered == 0 ? [] : body;
    }

    private bool Call(Utf8JsonWriter w, JsonElement call)
    {
        var hasId = call.ValueKind == JsonValueKind.Object && call.TryGetProperty("id", out _);
        var id = hasId ? call.GetProperty("id") : default;
        if (!IsValid(call))
        {
            RpcJson.WriteError(w, id, -32600, "Invalid request", null);
            return true;
        }

        var method = call.GetProperty("method").GetString()!;
        var parameters = call.TryGetProperty("params", out var p) ? p : default;
        if (!hasId)
        {
            return false;
        }

        try
        {
            var result = RpcJson.Write(r => methods.Invoke(r, method, parameters));
            RpcJson.WriteResult(w, id, r => r.WriteRawValue(result, skipInputValidation: true));
        }
        catch (RpcError error)
        {
            RpcJson.WriteError(w, id, error.Code, error.Message, error.DataJson);
        }

        return true;
    }

    private static bool IsValid(JsonElement call) =>
        call.ValueKind == JsonValueKind.Object
        && call.TryGetProperty("jsonrpc", out var version) && version.ValueKind == JsonValueKind.String && version.GetString() == "2.0"
        && call.TryGetProperty("method", out var method) && method.ValueKind == JsonValueKind.String
        && (!call.TryGetProperty("id", out var id) || id.ValueKind is JsonValueKind.Number or JsonValueKind.String or JsonValueKind.Null);

    // Like the validator's HTTP server: a newline after every answer, an empty body when only notifications came.
    private static async Task RespondAsync(HttpContext context, byte[] body)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.ContentLength = body.Length == 0 ? 0 : body.Length + 1;
        if (body.Length > 0)
        {
            await context.Response.Body.WriteAsync(body, context.RequestAborted);
            await context.Response.Body.WriteAsync("\n"u8.ToArray(), context.RequestAborted);
        }
    }
}
