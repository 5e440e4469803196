using System.Net;
using System.Net.Sockets;

namespace Herald.Smtp;

/// <summary>Free TCP ports on 127.0.0.1 for the in-process SMTP peers (development mailbox, simulator).</summary>
internal static class LoopbackPorts
{
    /// <summary>
    /// A listener already bound to a free port, so the port is known (and routes to it configured) before the server
    /// starts, and nothing else can take it in between. Probing a port and binding it later lost that race under
    /// parallel tests ("Address already in use" when the simulator started).
    /// </summary>
    public static TcpListener Reserve()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return listener;
    }

    public static int PortOf(TcpListener listener) => ((IPEndPoint)listener.LocalEndpoint).Port;
}
