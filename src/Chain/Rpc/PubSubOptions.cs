namespace Spin.Chain.Rpc;

/// <summary>How the PubSub client connects and reconnects.</summary>
public sealed class PubSubOptions
{
    /// <summary>The node's WebSocket URL.</summary>
    public Uri WsUrl { get; set; } = new("wss://api.devnet.solana.com");

    /// <summary>First reconnect delay; doubles per failed attempt, with jitter.</summary>
    public TimeSpan InitialReconnectDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Longest reconnect delay.</summary>
    public TimeSpan MaxReconnectDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>WebSocket ping interval.</summary>
    public TimeSpan KeepAlive { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long to wait for the subscription id.</summary>
    public TimeSpan SubscribeTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
