namespace Spin.ChainSimulator.PubSub;

/// <summary>A PubSub subscription: logs (all, or transactions mentioning one address) or slots.</summary>
/// <param name="Mentions">For logs, the address a transaction must mention; null for <c>all</c>.</param>
public sealed record Subscription(long Id, bool Slots, string? Mentions);
