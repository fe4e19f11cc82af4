using System.Text.Json;

namespace Spin.Bench.Push;

/// <summary>The simulator's ground truth (<c>GET /truth</c>) as a <see cref="SequenceIndex"/>: every mint's events in
/// chain order, so the n-th is the product's sequence number n.</summary>
public static class ChainTruth
{
    /// <summary>Reads the truth from the simulator's RPC port.</summary>
    public static async Task<SequenceIndex> LoadAsync(string rpcUrl)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(2) };
        await using var body = await http.GetStreamAsync(new Uri(new Uri(rpcUrl), "truth"));
        using var document = await JsonDocument.ParseAsync(body);
        var index = new SequenceIndex();
        foreach (var mint in document.RootElement.GetProperty("mints").EnumerateObject())
        {
            var seq = 0L;
            foreach (var e in mint.Value.EnumerateArray())
            {
                index.Set(mint.Name, ++seq, e.GetProperty("signature").GetString()!);
            }
        }

        return index;
    }
}
