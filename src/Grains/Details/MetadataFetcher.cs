using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Spin.Grains.Details;

/// <summary>Fetches a token's metadata JSON from its URI over a typed HttpClient: one attempt, bounded by
/// <see cref="MetadataOptions.Timeout"/> and <see cref="MetadataOptions.MaxBytes"/>; the caller retries.</summary>
public sealed class MetadataFetcher(HttpClient http, IOptions<MetadataOptions> options)
{
    /// <summary>Fetches <paramref name="uri"/> once. Every failure is a result; throws only when
    /// <paramref name="cancellationToken"/> is cancelled.</summary>
    public async Task<MetadataFetchResult> Fetch(string? uri, CancellationToken cancellationToken)
    {
        var o = options.Value;
        if (!MetadataUri.TryResolve(uri, o.IpfsGateway, out var target, out var reason))
        {
            return MetadataFetchResult.Permanent(reason);
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(o.Timeout);
        try
        {
            using var response = await http.GetAsync(target, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
            if (!response.IsSuccessStatusCode)
            {
                return ForStatus(response.StatusCode);
            }

            var body = await ReadAtMostAsync(response.Content, o.MaxBytes, deadline.Token);
            return body is null ? MetadataFetchResult.Permanent($"the body is larger than {o.MaxBytes} bytes") : Parse(body);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return MetadataFetchResult.Retry($"no complete response within {o.Timeout}");
        }
        catch (HttpRequestException ex) when (ex.InnerException is NonPublicAddressException blocked)
        {
            return MetadataFetchResult.Permanent(blocked.Message);
        }
        catch (HttpRequestException ex)
        {
            return MetadataFetchResult.Retry(ex.Message);
        }
        catch (IOException ex)
        {
            // The connection broke while the body was being read.
            return MetadataFetchResult.Retry(ex.Message);
        }
    }

    private static MetadataFetchResult ForStatus(HttpStatusCode status) =>
        (int)status >= 500 || status is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout
            ? MetadataFetchResult.Retry($"HTTP {(int)status}")
            : MetadataFetchResult.Permanent($"HTTP {(int)status}");

    private static async Task<byte[]?> ReadAtMostAsync(HttpContent content, int maxBytes, CancellationToken cancellationToken)
    {
        if (content.Headers.ContentLength > maxBytes)
        {
            return null;
        }

        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        using var body = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (body.Length + read > maxBytes)
            {
                return null;
            }

            body.Write(chunk, 0, read);
        }

        return body.ToArray();
    }

    private static MetadataFetchResult Parse(byte[] body)
    {
        var utf8 = body.AsMemory();
        if (utf8.Span.StartsWith(Encoding.UTF8.Preamble))
        {
            utf8 = utf8[Encoding.UTF8.Preamble.Length..];
        }

        try
        {
            using var document = JsonDocument.Parse(utf8);
            var kind = document.RootElement.ValueKind;
            return kind is JsonValueKind.Object or JsonValueKind.Array
                ? MetadataFetchResult.Success(Encoding.UTF8.GetString(utf8.Span).Trim())
                : MetadataFetchResult.Permanent($"the body is a JSON {kind}, not an object or array");
        }
        catch (JsonException)
        {
            return MetadataFetchResult.Permanent("the body is not JSON");
        }
    }
}
