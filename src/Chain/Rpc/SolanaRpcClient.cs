using Microsoft.Extensions.Logging;
using System.Text.Json;

namespace Spin.Chain.Rpc;

/// <summary>A small Solana JSON-RPC client: the calls the indexer needs, batched where it helps, resilient.</summary>
public sealed class SolanaRpcClient(HttpClient http, SolanaRpcOptions options, ILogger<SolanaRpcClient> logger)
{
    private static readonly int[] MissingBlockCodes = [-32004, -32007, -32009];
    private readonly RpcTransport _transport = new(http, options, logger);

    /// <summary>Signatures of transactions mentioning <paramref name="address"/>, newest first; before/until exclusive.</summary>
    public async Task<IReadOnlyList<SignatureInfo>> GetSignaturesForAddressAsync(
        string address, string? before, string? until, int limit, CancellationToken cancellationToken)
    {
        var result = await CallAsync(new RpcCall("getSignaturesForAddress", w =>
        {
            w.WriteStringValue(address);
            w.WriteStartObject();
            w.WriteNumber("limit", limit);
            WriteIfSet(w, "before", before);
            WriteIfSet(w, "until", until);
            w.WriteString("commitment", options.Commitment);
            w.WriteEndObject();
        }), cancellationToken);
        return result.EnumerateArray().Select(e => new SignatureInfo(
            e.GetProperty("signature").GetString()!,
            e.GetProperty("slot").GetUInt64(),
            IsSet(e, "err"),
            e.TryGetProperty("blockTime", out var t) && t.ValueKind == JsonValueKind.Number ? t.GetInt64() : null)).ToList();
    }

    /// <summary>Every signature mentioning <paramref name="address"/> newer than <paramref name="until"/> (all of them when
    /// null), in chain order: the node lists newest first and can only page backwards, so this collects every page of
    /// <paramref name="pageSize"/>, then reverses.</summary>
    public async Task<List<SignatureInfo>> GetSignaturesInChainOrderAsync(
        string address, string? until, int pageSize, CancellationToken cancellationToken)
    {
        var all = new List<SignatureInfo>();
        string? before = null;
        while (true)
        {
            var page = await GetSignaturesForAddressAsync(address, before, until, pageSize, cancellationToken);
            all.AddRange(page);
            if (page.Count < pageSize)
            {
                break;
            }

            before = page[^1].Signature;
        }

        all.Reverse();
        return all;
    }

    /// <summary>Fetches transactions in JSON-RPC batches, a few in flight at once; entry i is null when the node does not have signature i.</summary>
    public async Task<IReadOnlyList<TransactionInfo?>> GetTransactionsAsync(IReadOnlyList<string> signatures, CancellationToken cancellationToken)
    {
        var chunks = signatures.Chunk(Math.Max(1, options.MaxBatchSize)).ToList();
        var results = new TransactionInfo?[chunks.Count][];
        await Parallel.ForEachAsync(Enumerable.Range(0, chunks.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.MaxConcurrentBatches), CancellationToken = cancellationToken },
            async (index, token) =>
            {
                var chunk = chunks[index];
                var outcomes = await _transport.SendAsync(chunk.Select(TransactionCall).ToList(), token);
                results[index] = outcomes.Select((o, i) => ParseTransaction(chunk[i], Unwrap(o, "getTransaction"))).ToArray();
            });
        return results.SelectMany(r => r).ToList();
    }

    /// <summary>Fetches one transaction, or null when the node does not have it.</summary>
    public async Task<TransactionInfo?> GetTransactionAsync(string signature, CancellationToken cancellationToken) =>
        (await GetTransactionsAsync([signature], cancellationToken))[0];

    /// <summary>The block time of a slot, or null when the node has no block for it.</summary>
    public async Task<long?> GetBlockTimeAsync(ulong slot, CancellationToken cancellationToken)
    {
        var outcome = (await _transport.SendAsync([new RpcCall("getBlockTime", w => w.WriteNumberValue(slot))], cancellationToken))[0];
        if (outcome.ErrorCode is { } code && MissingBlockCodes.Contains(code))
        {
            return null;
        }

        var result = Unwrap(outcome, "getBlockTime");
        return result.ValueKind == JsonValueKind.Number ? result.GetInt64() : null;
    }

    /// <summary>The node's current slot at the configured commitment.</summary>
    public async Task<ulong> GetSlotAsync(CancellationToken cancellationToken) =>
        (await CallAsync(new RpcCall("getSlot", WriteCommitment), cancellationToken)).GetUInt64();

    /// <summary>True when the node says "ok"; false when it answers with an error (e.g. behind).</summary>
    public async Task<bool> GetHealthAsync(CancellationToken cancellationToken)
    {
        var outcome = (await _transport.SendAsync([new RpcCall("getHealth")], cancellationToken))[0];
        return !outcome.IsError && outcome.Result.ValueKind == JsonValueKind.String && outcome.Result.GetString() == "ok";
    }

    private async Task<JsonElement> CallAsync(RpcCall call, CancellationToken cancellationToken) =>
        Unwrap((await _transport.SendAsync([call], cancellationToken))[0], call.Method);

    private RpcCall TransactionCall(string signature) => new("getTransaction", w =>
    {
        w.WriteStringValue(signature);
        w.WriteStartObject();
        w.WriteString("encoding", "json");
        w.WriteString("commitment", options.Commitment);
        w.WriteNumber("maxSupportedTransactionVersion", 0);
        w.WriteEndObject();
    });

    private void WriteCommitment(Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WriteString("commitment", options.Commitment);
        w.WriteEndObject();
    }

    private static TransactionInfo? ParseTransaction(string signature, JsonElement result)
    {
        if (result.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var meta = result.TryGetProperty("meta", out var m) && m.ValueKind == JsonValueKind.Object ? m : default;
        var logs = meta.ValueKind == JsonValueKind.Object && meta.TryGetProperty("logMessages", out var l) && l.ValueKind == JsonValueKind.Array
            ? l.EnumerateArray().Select(x => x.GetString() ?? string.Empty).ToList()
            : [];
        return new TransactionInfo(
            signature,
            result.GetProperty("slot").GetUInt64(),
            result.TryGetProperty("blockTime", out var t) && t.ValueKind == JsonValueKind.Number ? t.GetInt64() : null,
            meta.ValueKind == JsonValueKind.Object && IsSet(meta, "err"),
            logs);
    }

    private JsonElement Unwrap(RpcOutcome outcome, string method) => outcome.IsError
        ? throw new SolanaRpcException($"{method} to {options.RpcUrl.GetLeftPart(UriPartial.Authority)} failed: {outcome.ErrorMessage} ({outcome.ErrorCode})", outcome.ErrorCode)
        : outcome.Result;

    private static bool IsSet(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined);

    private static void WriteIfSet(Utf8JsonWriter w, string name, string? value)
    {
        if (value is not null)
        {
            w.WriteString(name, value);
        }
    }
}
