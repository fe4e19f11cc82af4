using System.Text.Json.Nodes;

namespace Spin.Gateway.Tests.Infrastructure;

/// <summary>Compares the product's events with the simulator's ground truth: same events, same order, same fields.</summary>
public static class TruthAssert
{
    /// <summary>Fails with the first difference found.</summary>
    public static void SameEvents(string mint, IReadOnlyList<JsonObject> expected, IReadOnlyList<JsonObject> actual)
    {
        for (var i = 0; i < Math.Min(expected.Count, actual.Count); i++)
        {
            var want = Fields(expected[i]);
            var got = Fields(actual[i]);
            if (!want.SequenceEqual(got))
            {
                Assert.Fail($"Mint {mint}, event #{i}: expected {Describe(want)} but got {Describe(got)}");
            }
        }

        Assert.True(expected.Count == actual.Count, $"Mint {mint}: expected {expected.Count} events, got {actual.Count}");
    }

    /// <summary>Checks that a slot_desc listing is the truth with slots reversed and chain order kept inside a slot.</summary>
    public static void SlotDescendingOrder(string mint, IReadOnlyList<JsonObject> truth, IReadOnlyList<JsonObject> descending)
    {
        var expected = truth.GroupBy(e => e["slot"]!.GetValue<ulong>()).Reverse().SelectMany(g => g).ToList();
        SameEvents(mint, expected, descending);
    }

    private static SortedDictionary<string, string> Fields(JsonObject value) =>
        new(value.Where(p => p.Key != "event_index").ToDictionary(p => p.Key, p => p.Value?.ToJsonString() ?? "null"), StringComparer.Ordinal);

    private static string Describe(SortedDictionary<string, string> fields) =>
        "{" + string.Join(", ", fields.Select(p => $"{p.Key}: {p.Value}")) + "}";
}
