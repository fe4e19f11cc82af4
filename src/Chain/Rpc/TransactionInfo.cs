namespace Spin.Chain.Rpc;

/// <summary>What the indexer needs of getTransaction: where, when, whether it failed, and its log lines.</summary>
public sealed record TransactionInfo(string Signature, ulong Slot, long? BlockTime, bool Failed, IReadOnlyList<string> LogMessages);
