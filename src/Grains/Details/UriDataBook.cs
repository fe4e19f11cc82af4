using System.Text;
using System.Text.Json;
using Spin.Grains.Storage;

namespace Spin.Grains.Details;

/// <summary>One mint's fetched metadata (<c>uri_data</c>) and fetch progress, stored apart from the aggregated details
/// so that applying events never overwrites them: Meta <c>mint | 'U'</c> → the JSON text as fetched,
/// <c>mint | 'F'</c> → failed attempts and, once final, the failure.</summary>
public sealed class UriDataBook(RocksStore store, byte[] mint)
{
    private readonly byte[] _dataKey = [.. mint, (byte)'U'];
    private readonly byte[] _progressKey = [.. mint, (byte)'F'];

    /// <summary>The fetched JSON, or null while pending or failed.</summary>
    public string? Json { get; private set; }

    /// <summary>Failed attempts so far.</summary>
    public int Attempts { get; private set; }

    /// <summary>Why fetching was given up, or null while it may still succeed.</summary>
    public string? Failure { get; private set; }

    /// <summary>Reads the stored data and progress.</summary>
    public void Load()
    {
        Json = store.Get(StoreColumn.Meta, _dataKey) is { } json ? Encoding.UTF8.GetString(json) : null;
        var progress = store.Get(StoreColumn.Meta, _progressKey) is { } value ? JsonSerializer.Deserialize<Progress>(value) : null;
        Attempts = progress?.Attempts ?? 0;
        Failure = progress?.Failure;
    }

    /// <summary>True while there is neither data nor a final failure and attempts remain.</summary>
    public bool IsPending(int maxAttempts) => Json is null && Failure is null && Attempts < maxAttempts;

    /// <summary>Stores the outcome of one attempt: the JSON, or one more failed attempt, final when the failure is
    /// permanent or the attempts are used up. True when another attempt should follow.</summary>
    public bool Record(MetadataFetchResult result, int maxAttempts)
    {
        if (result.Json is { } json)
        {
            store.Put(StoreColumn.Meta, _dataKey, Encoding.UTF8.GetBytes(json));
            Json = json;
            return false;
        }

        var final = !result.Retryable || Attempts + 1 >= maxAttempts;
        RecordFailure(final ? result.Failure ?? "failed" : null);
        return !final;
    }

    private void RecordFailure(string? finalFailure)
    {
        var progress = new Progress(Attempts + 1, finalFailure);
        store.Put(StoreColumn.Meta, _progressKey, JsonSerializer.SerializeToUtf8Bytes(progress));
        (Attempts, Failure) = (progress.Attempts, progress.Failure);
    }

    private sealed record Progress(int Attempts, string? Failure);
}
