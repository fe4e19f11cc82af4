namespace Spin.Chain.Rpc;

/// <summary>A JSON-RPC error from the node, or a call that failed after every retry.</summary>
public sealed class SolanaRpcException(string message, int? code = null, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>The JSON-RPC error code, when the node sent one.</summary>
    public int? Code { get; } = code;
}
