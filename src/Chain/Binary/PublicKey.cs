using SimpleBase;

namespace Spin.Chain.Binary;

/// <summary>Base58 helpers for 32-byte Solana public keys and 64-byte signatures.</summary>
public static class PublicKey
{
    /// <summary>The byte length of a public key.</summary>
    public const int Length = 32;

    /// <summary>Renders raw key bytes as base58.</summary>
    public static string ToBase58(ReadOnlySpan<byte> bytes) => Base58.Bitcoin.Encode(bytes);

    /// <summary>Parses a base58 public key; false for anything that is not exactly 32 bytes of valid base58.</summary>
    public static bool TryParse(string? text, Span<byte> destination)
    {
        if (string.IsNullOrEmpty(text) || text.Length > 44 || text.Length < 32 || destination.Length < Length)
        {
            return false;
        }

        Span<byte> buffer = stackalloc byte[64];
        if (!Base58.Bitcoin.TryDecode(text, buffer, out var written) || written != Length)
        {
            return false;
        }

        buffer[..Length].CopyTo(destination);
        return true;
    }

    /// <summary>True when the text is a valid base58 public key.</summary>
    public static bool IsValid(string? text) => TryParse(text, stackalloc byte[Length]);

    /// <summary>Parses a base58 public key or throws <see cref="FormatException"/>.</summary>
    public static byte[] Parse(string text)
    {
        var bytes = new byte[Length];
        return TryParse(text, bytes) ? bytes : throw new FormatException($"'{text}' is not a base58 public key.");
    }
}
