using Spin.Chain.Binary;
using Spin.Grains.Interfaces.Events;

namespace Spin.Grains.Tests.Infrastructure;

/// <summary>Builds valid events with random keys for storage and grain tests.</summary>
public static class TestEvents
{
    private static readonly Random Random = new(1234);

    /// <summary>A random base58 public key.</summary>
    public static string Key()
    {
        var bytes = new byte[32];
        lock (Random)
        {
            Random.NextBytes(bytes);
        }

        return PublicKey.ToBase58(bytes);
    }

    /// <summary>A BuySell of <paramref name="mint"/> in the given slot.</summary>
    public static ChainEvent BuySell(string mint, ulong slot, string? signature = null, int index = 0, ulong solAmount = 1_000_000) =>
        new(new EventId(signature ?? Key() + Key(), index), slot, 1_767_225_600 + (long)slot,
            new BuySellEvent(Key(), mint, true, 5_000_000, solAmount, UInt128.Parse("279589934762348555452")));
}
