using System.Net;
using System.Net.Sockets;

namespace Herald.Testing.Dns;

/// <summary>A UDP socket on 127.0.0.1 that takes DNS questions and never answers: the "server that never answers".</summary>
internal sealed class SilentDnsServer : IDisposable
{
    private readonly UdpClient _socket = new(new IPEndPoint(IPAddress.Loopback, 0));

    public string Endpoint => $"127.0.0.1:{((IPEndPoint)_socket.Client.LocalEndPoint!).Port}";

    public void Dispose() => _socket.Dispose();
}
