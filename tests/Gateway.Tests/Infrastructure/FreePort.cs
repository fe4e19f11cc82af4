using System.Net;
using System.Net.Sockets;

namespace Spin.Gateway.Tests.Infrastructure;

/// <summary>Finds free loopback TCP ports.</summary>
public static class FreePort
{
    private static readonly object Gate = new();
    private static readonly HashSet<int> Handed = [];

    /// <summary>A port free now and not handed out before in this process; with <paramref name="pairWithNext"/>,
    /// port+1 is free too (the simulator serves WebSocket on RPC port + 1).</summary>
    public static int Get(bool pairWithNext = false)
    {
        lock (Gate)
        {
            while (true)
            {
                var port = Probe(0);
                if (Handed.Contains(port) || (pairWithNext && (Handed.Contains(port + 1) || !IsFree(port + 1))))
                {
                    continue;
                }

                Handed.Add(port);
                if (pairWithNext)
                {
                    Handed.Add(port + 1);
                }

                return port;
            }
        }
    }

    private static bool IsFree(int port)
    {
        try
        {
            Probe(port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int Probe(int port)
    {
        using var listener = new TcpListener(IPAddress.Loopback, port);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
