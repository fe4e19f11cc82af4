namespace Spin.ChainSimulator.Rpc;

/// <summary>A JSON-RPC error answer, thrown inside a method handler.</summary>
public sealed class RpcError(int code, string message, string? data = null) : Exception(message)
{
    /// <summary>The JSON-RPC error code.</summary>
    public int Code { get; } = code;

    /// <summary>The raw JSON of the error's <c>data</c> member, if any.</summary>
    public string? DataJson { get; } = data;

    /// <summary>-32602 with the validator's wording for a value of the wrong type or a missing one.</summary>
    public static RpcError InvalidParams(string detail) => new(-32602, $"Invalid params: {detail}.");

    /// <summary>-32602 with a message written as is (the validator's own checks).</summary>
    public static RpcError InvalidParam(string message) => new(-32602, message);
}
