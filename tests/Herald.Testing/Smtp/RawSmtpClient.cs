using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Herald.Testing.Smtp;

/// <summary>A deliberately dumb SMTP client over a TcpClient, to send what MailKit never would (bare LF, long lines).</summary>
internal sealed class RawSmtpClient : IAsyncDisposable
{
    private readonly TcpClient _client;
    private NetworkStream _stream = null!;
    private readonly StringBuilder _pending = new();

    private RawSmtpClient(TcpClient client) => _client = client;

    /// <param name="from">The local address to connect from (another host on 127.0.0.0/8, e.g. 127.0.0.2); the OS picks when null.</param>
    public static async Task<RawSmtpClient> ConnectAsync(IPEndPoint endpoint, IPAddress? from = null)
    {
        var raw = new RawSmtpClient(from is null ? new TcpClient() : new TcpClient(new IPEndPoint(from, 0)));
        await raw._client.ConnectAsync(endpoint);
        raw._stream = raw._client.GetStream();
        return raw;
    }

    public NetworkStream Stream => _stream;

    public Task SendAsync(string text) => SendAsync(Encoding.ASCII.GetBytes(text));

    public async Task SendAsync(byte[] bytes)
    {
        await _stream.WriteAsync(bytes);
        await _stream.FlushAsync();
    }

    /// <summary>Reads one (possibly multi-line) reply; null when the server closed the connection.</summary>
    public async Task<string?> ReadReplyAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        var lines = new List<string>();
        while (true)
        {
            var line = await ReadLineAsync(cts.Token);
            if (line is null)
            {
                return lines.Count == 0 ? null : string.Join("\n", lines);
            }

            lines.Add(line);
            if (line.Length < 4 || line[3] != '-')
            {
                return string.Join("\n", lines);
            }
        }
    }

    public async Task<string> CommandAsync(string command)
    {
        await SendAsync(command + "\r\n");
        return await ReadReplyAsync() ?? "(closed)";
    }

    /// <summary>Greeting, EHLO, MAIL, RCPT... each asserted positive.</summary>
    public async Task OpenTransactionAsync(string from, params string[] recipients)
    {
        (await ReadReplyAsync()).ShouldStartWith("220");
        (await CommandAsync("EHLO client.example.net")).ShouldStartWith("250");
        (await CommandAsync($"MAIL FROM:<{from}>")).ShouldStartWith("250");
        foreach (var rcpt in recipients)
        {
            (await CommandAsync($"RCPT TO:<{rcpt}>")).ShouldStartWith("250");
        }
    }

    /// <summary>Like <see cref="OpenTransactionAsync"/>, then DATA, asserting 354.</summary>
    public async Task OpenDataAsync(string from, params string[] recipients)
    {
        await OpenTransactionAsync(from, recipients);
        (await CommandAsync("DATA")).ShouldStartWith("354");
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await Task.CompletedTask;
    }

    private async Task<string?> ReadLineAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[1];
        while (true)
        {
            var text = _pending.ToString();
            var end = text.IndexOf("\r\n", StringComparison.Ordinal);
            if (end >= 0)
            {
                _pending.Remove(0, end + 2);
                return text[..end];
            }

            int read;
            try
            {
                read = await _stream.ReadAsync(buffer, cancellationToken);
            }
            catch (IOException)
            {
                read = 0;
            }

            if (read == 0)
            {
                return null;
            }

            _pending.Append((char)buffer[0]);
        }
    }
}
