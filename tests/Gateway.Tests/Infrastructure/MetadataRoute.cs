namespace Spin.Gateway.Tests.Infrastructure;

/// <summary>One path of a <see cref="MetadataServer"/>: its scripted responses and the requests it has seen.</summary>
public sealed class MetadataRoute(IReadOnlyList<MetadataResponse> responses)
{
    private readonly TaskCompletionSource _firstRequest = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _requests;

    /// <summary>Requests received so far.</summary>
    public int Requests => Volatile.Read(ref _requests);

    /// <summary>Completes when the first request arrives.</summary>
    public Task FirstRequest => _firstRequest.Task;

    /// <summary>Counts a request and picks its response.</summary>
    internal MetadataResponse Next()
    {
        var count = Interlocked.Increment(ref _requests);
        _firstRequest.TrySetResult();
        return responses[Math.Min(count, responses.Count) - 1];
    }
}

/// <summary>One scripted response: sent with a Content-Length unless <paramref name="Chunked"/>, and only once
/// <paramref name="Hold"/> completes when given.</summary>
public sealed record MetadataResponse(int Status, string Body, string ContentType = "application/json", bool Chunked = false, Task? Hold = null)
{
    /// <summary>A 200 with a JSON body.</summary>
    public static MetadataResponse Json(string json) => new(200, json);

    /// <summary>An empty response with an error status.</summary>
    public static MetadataResponse Error(int status) => new(status, "");
}
