using Microsoft.Extensions.Logging;
using System.Buffers;
using System.Net;
using System.Text.Json;

namespace Spin.Chain.Rpc;

/// <summary>Sends JSON-RPC 2.0 requests (single or batch) over HTTP with per-attempt timeouts and retries with
/// exponential backoff and jitter on transport errors, timeouts, HTTP 5xx and HTTP 429 (honouring Retry-After).</summary>
public sealed partial class RpcTransport(HttpClient http, SolanaRpcOptions options, ILogger logger)
{
    private readonly string _node = options.RpcUrl.GetLeftPart(UriPartial.Authority);
    private long _nextId;

    /// <summary>Sends the calls (as a batch when more than one) and returns one outcome per call, in call order.</summary>
    public async Task<RpcOutcome[]> SendAsync(IReadOnlyList<RpcCall> calls, CancellationToken cancellationToken)
    {
        var firstId = Interlocked.Add(ref _nextId, calls.Count) - calls.Count + 1;
        var body = Serialize(calls, firstId);
        for (var attempt = 1; ; attempt++)
        {
            var (outcomes, retryAfter, failure) = await TryOnceAsync(body, calls.Count, firstId, cancellationToken);
            if (outcomes is not null)
            {
                return outcomes;
            }

            if (attempt >= options.MaxAttempts)
            {
                throw new SolanaRpcException($"{calls[0].Method} to {_node} failed after {attempt} attempts: {failure?.Message}", inner: failure);
            }

            var delay = retryAfter ?? Backoff.Delay(attempt, options.InitialBackoff, options.MaxBackoff);
            LogWarningRetrying(logger, calls[0].Method, _node, attempt, delay, failure?.Message);
            await Task.Delay(delay, cancellationToken);
        }
    }

    private async Task<(RpcOutcome[]? Outcomes, TimeSpan? RetryAfter, Exception? Failure)> TryOnceAsync(
        byte[] body, int count, long firstId, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Timeout);
        try
        {
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = new("application/json");
            using var response = await http.PostAsync(options.RpcUrl, content, timeout.Token);
            if (response.StatusCode == HttpStatusCode.TooManyRequests || (int)response.StatusCode >= 500)
            {
                return (null, RetryAfter(response), new HttpRequestException($"HTTP {(int)response.StatusCode}", null, response.StatusCode));
            }

            response.EnsureSuccessStatusCode();
            await using var stream = await response.Content.ReadAsStreamAsync(timeout.Token);
            using var document = await JsonDocument.ParseAsync(stream, default, timeout.Token);
            return (RpcResponseReader.Read(document.RootElement, count, firstId), null, null);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, null, new TimeoutException($"no answer within {options.Timeout}", ex));
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException or IOException)
        {
            return (null, null, ex);
        }
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        var delay = header?.Delta ?? (header?.Date is { } date ? date - DateTimeOffset.UtcNow : null);
        return delay is { } d ? TimeSpan.FromTicks(Math.Clamp(d.Ticks, 0, options.MaxBackoff.Ticks * 6)) : null;
    }

    private static byte[] Serialize(IReadOnlyList<RpcCall> calls, long firstId)
    {
        var buffer = new ArrayBufferWriter<byte>(256 * calls.Count);
        using (var w = new Utf8JsonWriter(buffer))
        {
            if (calls.Count > 1)
            {
                w.WriteStartArray();
            }

            for (var i = 0; i < calls.Count; i++)
            {
                w.WriteStartObject();
                w.WriteString("jsonrpc", "2.0");
                w.WriteNumber("id", firstId + i);
                w.WriteString("method", calls[i].Method);
                if (calls[i].WriteParams is { } writeParams)
                {
                    w.WriteStartArray("params");
                    writeParams(w);
                    w.WriteEndArray();
                }

                w.WriteEndObject();
            }

            if (calls.Count > 1)
            {
                w.WriteEndArray();
            }
        }

        return buffer.WrittenSpan.ToArray();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Method} to {Node} failed (attempt {Attempt}); retrying in {Delay}: {Reason}")]
    private static partial void LogWarningRetrying(ILogger logger, string method, string node, int attempt, TimeSpan delay, string? reason);
}
