using Spin.Grains.Interfaces.Events;

namespace Spin.Chain.SpinPet;

/// <summary>The Anchor event discriminators, <c>sha256("event:&lt;Name&gt;")[0..8]</c>, as little-endian u64 for fast lookup.</summary>
public static class SpinPetDiscriminators
{
    /// <summary>The discriminator bytes of each event type.</summary>
    public static readonly IReadOnlyDictionary<SpinEventType, byte[]> Bytes = new Dictionary<SpinEventType, byte[]>
    {
        [SpinEventType.TokenCreated] = [96, 122, 113, 138, 50, 227, 149, 57],
        [SpinEventType.BuySell] = [98, 208, 120, 60, 93, 32, 19, 180],
        [SpinEventType.LongShort] = [27, 69, 20, 116, 58, 250, 95, 220],
        [SpinEventType.ForceLiquidate] = [234, 196, 183, 105, 40, 26, 206, 48],
        [SpinEventType.FullClose] = [22, 244, 113, 245, 154, 168, 109, 139],
        [SpinEventType.PartialClose] = [133, 94, 3, 222, 24, 68, 69, 155],
        [SpinEventType.MilestoneDiscount] = [130, 232, 11, 37, 34, 185, 136, 128],
    };

    private static readonly Dictionary<ulong, SpinEventType> ByValue =
        Bytes.ToDictionary(p => BitConverter.ToUInt64(p.Value), p => p.Key);

    /// <summary>Finds the event type of an 8-byte discriminator.</summary>
    public static bool TryGetType(ReadOnlySpan<byte> discriminator, out SpinEventType type) =>
        ByValue.TryGetValue(BitConverter.ToUInt64(discriminator), out type);
}
