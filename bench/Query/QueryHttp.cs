namespace Spin.Bench.Query;

/// <summary>The load generator's HTTP client: HTTP/1.1 keep-alive connections, as many as the open loop needs.</summary>
public static class QueryHttp
{
    /// <summary>A client for one server.</summary>
    public static HttpClient Create(string baseAddress) => new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = 1_024,
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(10),
        ConnectTimeout = TimeSpan.FromSeconds(10),
    })
    {
        BaseAddress = new Uri(baseAddress),
        Timeout = TimeSpan.FromSeconds(30),
    };
}
