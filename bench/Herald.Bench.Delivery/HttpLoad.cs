using System.Net.Sockets;
using System.Text;

/// <summary>
/// A lean HTTP/1.1 client for the load: one keep-alive connection per thread, blocking sockets, requests built as bytes
/// before the clock starts. The peer's injector (smtp-source) is a small C program; HttpClient cost about 0.2 ms of CPU
/// per request on these two shared cores (measured with /usr/bin/time), which the benchmark would have charged to Herald.
/// </summary>
internal sealed class HttpLoad(string host, int port) : IDisposable
{
    private readonly Socket _socket = Connect(host, port);
    private byte[] _buffer = new byte[64 * 1024];

    public static byte[] Request(string host, string path, string json)
    {
        var body = Encoding.UTF8.GetBytes(json);
        var key = Environment.GetEnvironmentVariable("HERALD_KEY");
        var authorization = string.IsNullOrEmpty(key) ? "" : $"Authorization: Bearer {key}\r\n";
        var head = Encoding.ASCII.GetBytes(
            $"POST {path} HTTP/1.1\r\nHost: {host}\r\n{authorization}Content-Type: application/json\r\nContent-Length: {body.Length}\r\n\r\n");
        return [.. head, .. body];
    }

    /// <summary>Sends one request and reads the whole response; returns the status code and the body.</summary>
    public (int Status, string Body) Send(byte[] request)
    {
        _socket.Send(request);
        var filled = 0;
        int headerEnd;
        while ((headerEnd = _buffer.AsSpan(0, filled).IndexOf("\r\n\r\n"u8)) < 0)
        {
            filled += Receive(filled);
        }

        var head = Encoding.ASCII.GetString(_buffer, 0, headerEnd);
        var status = int.Parse(head.AsSpan(9, 3), System.Globalization.CultureInfo.InvariantCulture);
        var bodyStart = headerEnd + 4;
        var length = ContentLength(head);
        if (length >= 0)
        {
            while (filled - bodyStart < length)
            {
                filled += Receive(filled);
            }

            return (status, Encoding.UTF8.GetString(_buffer, bodyStart, length));
        }

        // Transfer-Encoding: chunked; the last chunk is "0\r\n\r\n".
        while (_buffer.AsSpan(bodyStart, filled - bodyStart).IndexOf("0\r\n\r\n"u8) < 0)
        {
            filled += Receive(filled);
        }

        return (status, Encoding.UTF8.GetString(_buffer, bodyStart, filled - bodyStart));
    }

    public void Dispose() => _socket.Dispose();

    private static Socket Connect(string host, int port)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        socket.Connect(host, port);
        return socket;
    }

    private int Receive(int filled)
    {
        // A batch's answer (one result per message) can outgrow the buffer.
        if (filled == _buffer.Length)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }

        var read = _socket.Receive(_buffer, filled, _buffer.Length - filled, SocketFlags.None);
        return read > 0 ? read : throw new InvalidOperationException("Herald closed the connection");
    }

    private static int ContentLength(string head)
    {
        foreach (var line in head.Split("\r\n"))
        {
            if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
            {
                return int.Parse(line.AsSpan(15).Trim(), System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        return -1;
    }
}
