using Microsoft.Extensions.Logging;
using Spin.Chain.Logs;
using Spin.Grains.Interfaces.Events;
using EventId = Spin.Grains.Interfaces.Events.EventId;

namespace Spin.Chain.SpinPet;

/// <summary>Turns one successful transaction's logs into its SpinPet events, each with its unique id.</summary>
public static partial class TransactionEvents
{
    /// <summary>Extracts the events; undecodable payloads are counted in <paramref name="stats"/>, logged and skipped.</summary>
    public static IReadOnlyList<ChainEvent> Extract(
        string signature, ulong slot, long blockTime, IReadOnlyList<string> logs, string programId, DecodeStats stats, ILogger? logger = null)
    {
        var parsed = ProgramLogParser.Parse(logs, programId);
        if (parsed.Truncated)
        {
            stats.Count(DecodeOutcome.TruncatedLog);
            if (logger is not null)
            {
                LogWarningTruncated(logger, signature);
            }
        }

        var events = new List<ChainEvent>(parsed.Data.Count);
        for (var index = 0; index < parsed.Data.Count; index++)
        {
            var status = TryDecodeBase64(parsed.Data[index], out var body);
            stats.Count(status);
            if (body is not null)
            {
                events.Add(new ChainEvent(new EventId(signature, index), slot, blockTime, body));
            }
            else if (logger is not null)
            {
                LogWarningUndecodable(logger, signature, index, status);
            }
        }

        return events;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Transaction {Signature}: SpinPet data line {Index} skipped ({Outcome})")]
    private static partial void LogWarningUndecodable(ILogger logger, string signature, int index, DecodeOutcome outcome);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Transaction {Signature}: the node truncated its log; events after the cut are unknown")]
    private static partial void LogWarningTruncated(ILogger logger, string signature);

    private static DecodeOutcome TryDecodeBase64(string base64, out SpinEvent? body)
    {
        body = null;
        var buffer = new byte[(base64.Length * 3 / 4) + 3];
        if (!Convert.TryFromBase64String(base64, buffer, out var written))
        {
            return DecodeOutcome.Garbage;
        }

        return SpinPetEventDecoder.TryDecode(buffer.AsSpan(0, written), out body) switch
        {
            DecodeStatus.Ok => DecodeOutcome.Decoded,
            DecodeStatus.UnknownDiscriminator => DecodeOutcome.UnknownDiscriminator,
            DecodeStatus.Truncated => DecodeOutcome.Truncated,
            _ => DecodeOutcome.Garbage,
        };
    }
}
