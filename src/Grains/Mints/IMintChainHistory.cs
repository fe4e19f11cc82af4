using Spin.Grains.Interfaces.Events;

namespace Spin.Grains.Mints;

/// <summary>One mint's SpinPet events as the chain has them: what a mint behind its manifest applies when no peer silo
/// holds the events it lacks. Registered only where a chain node is configured.</summary>
public interface IMintChainHistory
{
    /// <summary>Every event of <paramref name="mint"/> in successful transactions, in chain order (oldest first).</summary>
    Task<IReadOnlyList<ChainEvent>> ReadAsync(string mint, CancellationToken cancellationToken);
}
