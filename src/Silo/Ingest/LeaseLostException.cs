namespace Spin.Silo.Ingest;

/// <summary>The listener lease is no longer this silo's (it expired or another silo took it over), so the cursor was not
/// written: the listener must stop, and the new holder resumes from the cursor as it stands.</summary>
public sealed class LeaseLostException(string message) : Exception(message);
