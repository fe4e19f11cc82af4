using Microsoft.Extensions.Options;
using Spin.Chain.Rpc;
using Spin.Chain.SpinPet;
using Spin.Grains.Interfaces.Events;
using Spin.Grains.Mints;

namespace Spin.Silo.Ingest;

/// <summary>Reads one mint's SpinPet events from the node the listener uses, as the listener would have applied them:
/// every transaction listed for the mint's address, failed ones skipped, the events routed to this mint kept.</summary>
public sealed class ChainMintHistory(
    SolanaRpcClient rpc,
    BlockTimeCache blockTimes,
    IOptions<ChainOptions> options,
    ILogger<ChainMintHistory> logger) : IMintChainHistory
{
    private const int PageSize = 1000;

    // Its own decode counts: a re-read is not ingest, and the listener's figures must not count these events twice.
    private readonly DecodeStats _decodeStats = new();

    /// <inheritdoc />
    public async Task<IReadOnlyList<ChainEvent>> ReadAsync(string mint, CancellationToken cancellationToken)
    {
        var listing = (await rpc.GetSignaturesInChainOrderAsync(mint, null, PageSize, cancellationToken)).Where(s => !s.Failed).ToList();
        var transactions = await rpc.GetTransactionsAsync(listing.Select(s => s.Signature).ToList(), cancellationToken);
        var events = new List<ChainEvent>();
        for (var i = 0; i < listing.Count; i++)
        {
            var (info, transaction) = (listing[i], transactions[i]);
            if (transaction is null)
            {
                // A gap in the middle would shift every later event's sequence number: all or nothing.
                throw new SolanaRpcException($"The node listed {info.Signature} for {mint} but does not serve it yet.");
            }

            if (transaction.Failed)
            {
                continue;
            }

            var blockTime = await blockTimes.GetAsync(info.Slot, info.BlockTime ?? transaction.BlockTime, cancellationToken);
            events.AddRange(TransactionEvents.Extract(info.Signature, info.Slot, blockTime, transaction.LogMessages, options.Value.ProgramId, _decodeStats, logger)
                .Where(e => e.Body.Mint == mint));
        }

        return events;
    }
}
