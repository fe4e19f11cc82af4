namespace Spin.Silo.Ingest;

/// <summary>The newest transaction whose events, and those of every older one, are all applied.</summary>
public sealed record ChainCursor(string Signature, ulong Slot);
