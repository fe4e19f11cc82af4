using System.Text.Json;

namespace Spin.Chain.Rpc;

/// <summary>One JSON-RPC call: the method and a writer for its positional parameters (inside the params array).</summary>
public sealed record RpcCall(string Method, Action<Utf8JsonWriter>? WriteParams = null);

/// <summary>The answer to one call: its result (detached from the response document) or its JSON-RPC error.</summary>
public readonly record struct RpcOutcome(JsonElement Result, int? ErrorCode, string? ErrorMessage)
{
    /// <summary>True when the node answered with an error object.</summary>
    public bool IsError => ErrorCode is not null;
}
