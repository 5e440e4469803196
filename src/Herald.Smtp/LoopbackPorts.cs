using System.Net;
using System.Net.Sockets;

namespace Herald.Smtp;

/// <summary>Picks a free TCP port on 127.0.0.1 for the in-process SMTP peers (development mailbox, simulator).</summary>
internal static class LoopbackPorts
{
    public static int Free()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }
}
