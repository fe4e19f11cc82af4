using System.Text.Json;

namespace Spin.Gateway.Api;

/// <summary>Endpoint metadata: the default-valued <c>data</c> object spin-server sends with <c>success:false</c>.</summary>
public sealed record DefaultData(Action<Utf8JsonWriter> Write);
