namespace Spin.DbSetup;

/// <summary>The schema could not be applied; the message says what failed and where.</summary>
public sealed class SchemaSetupException(string message, Exception? innerException = null) : Exception(message, innerException);
