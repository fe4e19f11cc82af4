namespace Spin.Chain.Rpc;

/// <summary>How the JSON-RPC client talks to a node.</summary>
public sealed class SolanaRpcOptions
{
    /// <summary>The node's JSON-RPC URL.</summary>
    public Uri RpcUrl { get; set; } = new("https://api.devnet.solana.com");

    /// <summary>Per-request timeout.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Attempts per call, the first included.</summary>
    public int MaxAttempts { get; set; } = 6;

    /// <summary>First retry delay; doubles per attempt, with jitter.</summary>
    public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Longest retry delay.</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Commitment sent with every call that takes one.</summary>
    public string Commitment { get; set; } = "confirmed";

    /// <summary>Calls per JSON-RPC batch request.</summary>
    public int MaxBatchSize { get; set; } = 100;

    /// <summary>Batch requests in flight at once when fetching many transactions.</summary>
    public int MaxConcurrentBatches { get; set; } = 4;
}
