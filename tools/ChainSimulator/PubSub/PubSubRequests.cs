using System.Text.Json;
using Spin.ChainSimulator.Rpc;

namespace Spin.ChainSimulator.PubSub;

/// <summary>Parses subscribe requests with the validator's error messages.</summary>
public static class PubSubRequests
{
    /// <summary><c>logsSubscribe [filter, config]</c>: filter <c>"all"</c>, <c>"allWithVotes"</c> or <c>{"mentions":[address]}</c>.</summary>
    public static Subscription Logs(JsonElement parameters, Func<long> newId)
    {
        var filter = RpcParams.At(parameters, 0);
        if (filter.ValueKind == JsonValueKind.String && filter.GetString() is "all" or "allWithVotes")
        {
            return new Subscription(newId(), false, null);
        }

        if (filter.ValueKind != JsonValueKind.Object || !filter.TryGetProperty("mentions", out var mentions) || mentions.ValueKind != JsonValueKind.Array)
        {
            throw RpcError.InvalidParams("unknown variant, expected one of `all`, `allWithVotes`, `mentions`");
        }

        if (mentions.GetArrayLength() != 1)
        {
            throw RpcError.InvalidParam("Invalid Request: Only 1 address supported");
        }

        var address = mentions[0].ValueKind == JsonValueKind.String ? mentions[0].GetString()! : string.Empty;
        try
        {
            RpcParams.PublicKey(address);
        }
        catch (RpcError)
        {
            throw RpcError.InvalidParam("Invalid Request: Invalid mentions provided");
        }

        return new Subscription(newId(), false, address);
    }
}
