using System.Net.Http.Headers;

namespace Spin.Bench.Query;

/// <summary>One request of the mix: its endpoint (for the per-endpoint figures), method, path with query, JSON body
/// (POST only), and the answer every later response must equal byte for byte.</summary>
public sealed record QueryRequest(string Endpoint, string Method, string PathAndQuery, string? Body)
{
    /// <summary>The first answer's bytes, checked against the truth where the truth says something.</summary>
    public byte[] Expected { get; set; } = [];

    /// <summary>The first answer's content type, which the baseline serves too.</summary>
    public string ContentType { get; set; } = "application/json";

    /// <summary>A fresh message for one send.</summary>
    public HttpRequestMessage ToMessage()
    {
        var message = new HttpRequestMessage(new HttpMethod(Method), PathAndQuery);
        if (Body is not null)
        {
            message.Content = new StringContent(Body, new MediaTypeHeaderValue("application/json"));
        }

        return message;
    }

    /// <summary>The key the baseline server looks answers up by.</summary>
    public string Key => $"{Method} /{PathAndQuery.TrimStart('/')}";
}
