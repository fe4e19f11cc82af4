using System.Text.Json;

namespace Spin.Chain.Rpc;

/// <summary>Matches JSON-RPC responses (an object, or a batch array in any order) to their calls by id.</summary>
public static class RpcResponseReader
{
    /// <summary>One outcome per call id <c>firstId .. firstId+count-1</c>; throws when a response is missing.</summary>
    public static RpcOutcome[] Read(JsonElement root, int count, long firstId)
    {
        var outcomes = new RpcOutcome?[count];
        if (root.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in root.EnumerateArray())
            {
                Place(item, outcomes, firstId);
            }
        }
        else
        {
            Place(root, outcomes, firstId);
        }

        return outcomes.Select((o, i) => o ?? throw new JsonException($"No response for request id {firstId + i}.")).ToArray();
    }

    private static void Place(JsonElement item, RpcOutcome?[] outcomes, long firstId)
    {
        if (item.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
        {
            var outcome = new RpcOutcome(default, error.GetProperty("code").GetInt32(), error.TryGetProperty("message", out var m) ? m.GetString() : null);
            if (item.TryGetProperty("id", out var errorId) && errorId.ValueKind == JsonValueKind.Number)
            {
                outcomes[Index(errorId.GetInt64(), firstId, outcomes.Length)] = outcome;
            }
            else
            {
                // An error without an id (parse error, invalid request) applies to the whole request.
                Array.Fill(outcomes, outcome);
            }

            return;
        }

        var id = item.GetProperty("id").GetInt64();
        outcomes[Index(id, firstId, outcomes.Length)] = new RpcOutcome(item.GetProperty("result").Clone(), null, null);
    }

    private static int Index(long id, long firstId, int count) =>
        id >= firstId && id < firstId + count ? (int)(id - firstId) : throw new JsonException($"Unexpected response id {id}.");
}
