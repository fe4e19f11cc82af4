namespace Spin.ChainSimulator.Rpc;

/// <summary>A JSON-RPC error answer, thrown inside a method handler.</summary>
public sealed class RpcError(int code, string message) : Exception(message)
{
    /// <summary>The JSON-RPC error code.</summary>
    public int Code { get; } = code;
}
