using System.Net;
using System.Net.Sockets;

namespace Spin.Grains.Details;

/// <summary>The primary handler of the metadata HttpClient. Pooled connections are recycled so DNS changes are seen;
/// unless <see cref="MetadataOptions.AllowPrivateNetworks"/> is set, it connects only to public addresses, checked
/// after DNS resolution so that neither a redirect nor a rebinding name reaches the silo's own network. The IPFS
/// gateway's host and port are always allowed (it may be a local node).</summary>
public static class MetadataHttpHandler
{
    /// <summary>A new handler for <paramref name="options"/>.</summary>
    public static SocketsHttpHandler Create(MetadataOptions options)
    {
        var handler = new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            AutomaticDecompression = DecompressionMethods.All,
            MaxConnectionsPerServer = options.MaxConnectionsPerServer,
        };
        if (!options.AllowPrivateNetworks)
        {
            var gateway = Uri.TryCreate(options.IpfsGateway, UriKind.Absolute, out var uri) ? uri : null;
            handler.ConnectCallback = (context, cancellationToken) => ConnectAsync(context.DnsEndPoint, gateway, cancellationToken);
        }

        return handler;
    }

    /// <summary>True for an address outside loopback, private, shared (CGNAT), link-local, multicast and unspecified ranges.</summary>
    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return !(b[0] is 0 or 10 or 127 or >= 224 || (b[0] == 100 && b[1] is >= 64 and < 128)
                || (b[0] == 169 && b[1] == 254) || (b[0] == 172 && b[1] is >= 16 and < 32) || (b[0] == 192 && b[1] == 168));
        }

        return !(IPAddress.IsLoopback(address) || address.Equals(IPAddress.IPv6Any) || address.IsIPv6LinkLocal
            || address.IsIPv6SiteLocal || address.IsIPv6UniqueLocal || address.IsIPv6Multicast);
    }

    private static async ValueTask<Stream> ConnectAsync(DnsEndPoint endpoint, Uri? gateway, CancellationToken cancellationToken)
    {
        var addresses = await Dns.GetHostAddressesAsync(endpoint.Host, cancellationToken);
        var isGateway = string.Equals(endpoint.Host, gateway?.IdnHost, StringComparison.OrdinalIgnoreCase) && endpoint.Port == gateway?.Port;
        var allowed = isGateway ? addresses : addresses.Where(IsPublic).ToArray();
        if (allowed.Length == 0)
        {
            throw new NonPublicAddressException($"{endpoint.Host} resolves to no public address");
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, endpoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}

/// <summary>A metadata URI pointed at a non-public address.</summary>
internal sealed class NonPublicAddressException(string message) : Exception(message);
