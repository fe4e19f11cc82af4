using System.Text.Json;

namespace Spin.Bench.Memory;

/// <summary>The simulator's ground truth reduced to an event count per mint, read from <c>/truth</c> as a stream (a
/// prefill of 100,000 mints gives hundreds of megabytes of JSON, too much for a node tree).</summary>
public static class TruthCounts
{
    /// <summary>Mint → successful SpinPet events, in the truth's order.</summary>
    public static async Task<Dictionary<string, int>> ReadAsync(string rpcUrl)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(5) };
        await using var stream = await http.GetStreamAsync($"{rpcUrl}/truth");
        using var truth = await JsonDocument.ParseAsync(stream);
        return truth.RootElement.GetProperty("mints").EnumerateObject().ToDictionary(m => m.Name, m => m.Value.GetArrayLength(), StringComparer.Ordinal);
    }
}
