using System.Diagnostics.CodeAnalysis;

namespace Spin.Grains.Details;

/// <summary>Resolves a token URI to the address its metadata is fetched from: <c>http(s)://</c> as it is,
/// <c>ipfs://&lt;cid&gt;[/path]</c> and <c>ipfs://ipfs/&lt;cid&gt;[/path]</c> through the IPFS gateway. Bare CIDs
/// and other schemes are not guessed.</summary>
public static class MetadataUri
{
    private const string IpfsScheme = "ipfs://";
    private const string IpfsPrefix = "ipfs/";

    /// <summary>The HTTP(S) address of <paramref name="uri"/>, or false with the reason it cannot be fetched.</summary>
    public static bool TryResolve(string? uri, string ipfsGateway, [NotNullWhen(true)] out Uri? target, out string reason)
    {
        var text = uri?.Trim() ?? "";
        target = null;
        reason = "";
        if (text.Length == 0)
        {
            reason = "the URI is empty";
            return false;
        }

        if (text.StartsWith(IpfsScheme, StringComparison.OrdinalIgnoreCase))
        {
            return TryResolveIpfs(text[IpfsScheme.Length..], ipfsGateway, out target, out reason);
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var absolute))
        {
            reason = "the URI is not absolute";
            return false;
        }

        if (absolute.Scheme is not ("http" or "https") || absolute.Host.Length == 0)
        {
            reason = $"the URI scheme '{absolute.Scheme}' is not supported";
            return false;
        }

        target = absolute;
        return true;
    }

    private static bool TryResolveIpfs(string rest, string ipfsGateway, [NotNullWhen(true)] out Uri? target, out string reason)
    {
        // Not parsed as a Uri: that would lower-case the authority, and base58 CIDs are case-sensitive.
        if (rest.StartsWith(IpfsPrefix, StringComparison.OrdinalIgnoreCase))
        {
            rest = rest[IpfsPrefix.Length..];
        }

        var end = rest.IndexOfAny(['/', '?', '#']);
        var cid = end < 0 ? rest : rest[..end];
        target = null;
        reason = "";
        if (cid.Length == 0 || !cid.All(char.IsAsciiLetterOrDigit))
        {
            reason = "the ipfs URI has no valid CID";
            return false;
        }

        var gateway = ipfsGateway.EndsWith('/') ? ipfsGateway : ipfsGateway + "/";
        if (!Uri.TryCreate(gateway + rest, UriKind.Absolute, out target))
        {
            reason = "the ipfs URI does not form a gateway URL";
            return false;
        }

        return true;
    }
}
