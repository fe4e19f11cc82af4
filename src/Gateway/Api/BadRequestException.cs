namespace Spin.Gateway.Api;

/// <summary>Invalid input, answered with HTTP 400 and the envelope; never reaches a grain.</summary>
public sealed class BadRequestException(string message) : Exception(message);
