namespace Spin.Chain.Rpc;

/// <summary>One entry of getSignaturesForAddress: a transaction that mentions the address.</summary>
public sealed record SignatureInfo(string Signature, ulong Slot, bool Failed, long? BlockTime);
