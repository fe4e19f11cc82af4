using Spin.Grains.Interfaces.Mints;

namespace Spin.Gateway.Json;

/// <summary>The token fields of spin-server's OrderData, filled as its <c>/api/user_orders</c> fills them: the latest
/// price and trade time, <c>name</c> and <c>symbol</c> from the token (else from its uri_data), <c>image</c> from its
/// uri_data; zero or empty when unknown.</summary>
public sealed record OrderToken(UInt128 LatestPrice, long LatestTradeTime, string Name, string Symbol, string Image)
{
    /// <summary>The fields of a mint never seen.</summary>
    public static readonly OrderToken Unknown = new(UInt128.Zero, 0, "", "", "");

    /// <summary>The fields from a mint's details.</summary>
    public static OrderToken From(MintDetails? details)
    {
        if (details is null)
        {
            return Unknown;
        }

        var uri = TokenUriData.Parse(details.UriData);
        return new OrderToken(details.LatestPrice ?? UInt128.Zero, details.LatestTradeTime ?? 0, details.Name ?? uri?.Name ?? "",
            details.Symbol ?? uri?.Symbol ?? "", uri?.Image ?? "");
    }
}
