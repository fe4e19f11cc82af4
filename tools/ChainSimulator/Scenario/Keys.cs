using Spin.Chain.Binary;

namespace Spin.ChainSimulator.Scenario;

/// <summary>Deterministic keys, signatures and blockhashes from the scenario's random source.</summary>
public sealed class Keys(Random random)
{
    /// <summary>A 32-byte public key in base58.</summary>
    public string Key() => Base58(32);

    /// <summary>A 64-byte transaction signature in base58.</summary>
    public string Signature() => Base58(64);

    private string Base58(int length)
    {
        Span<byte> bytes = stackalloc byte[length];
        random.NextBytes(bytes);
        bytes[0] |= 1; // never a leading zero byte, so the base58 length is that of a real key or signature
        return PublicKey.ToBase58(bytes);
    }
}
