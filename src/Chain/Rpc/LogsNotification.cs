namespace Spin.Chain.Rpc;

/// <summary>A logsNotification: a transaction that mentions the subscribed program, with its logs.</summary>
public sealed record LogsNotification(string Signature, ulong Slot, bool Failed, IReadOnlyList<string> Logs);
