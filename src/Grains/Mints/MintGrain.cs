using Spin.Chain.Binary;
using Spin.Grains.Interfaces.Events;
using Spin.Grains.Interfaces.Mints;
using Spin.Grains.Storage;

namespace Spin.Grains.Mints;

/// <summary>A SpinPet mint, keyed by its base58 address; owns the mint's event log in the silo-local store.</summary>
public sealed class MintGrain(RocksStore store) : Grain, IMintGrain
{
    private MintEventLog _log = null!;

    /// <inheritdoc />
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _log = new MintEventLog(store, PublicKey.Parse(this.GetPrimaryKeyString()));
        _log.Load();
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<ApplyResult> Apply(IReadOnlyList<ChainEvent> events) => Task.FromResult(_log.Append(events));

    /// <inheritdoc />
    public Task<EventPage> GetEvents(EventQuery query) => Task.FromResult(_log.Read(query));
}
