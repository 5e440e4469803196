using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Herald.Testing.Smtp;

/// <summary>
/// A real SMTP server on 127.0.0.1 that answers per script (the default is a polite accepting server) and
/// records the commands and the raw DATA bytes exactly as they came off the socket.
/// </summary>
internal sealed class ScriptedSmtpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Func<ScriptedCommand, ServerAction?> _script;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<string, int> _verbCounts = new();
    private readonly Task _acceptLoop;
    private int _connections;

    private readonly System.Security.Cryptography.X509Certificates.X509Certificate2? _certificate;

    /// <param name="certificate">When given, EHLO offers STARTTLS and the server negotiates TLS with it.</param>
    public ScriptedSmtpServer(
        Func<ScriptedCommand, ServerAction?>? script = null, System.Security.Cryptography.X509Certificates.X509Certificate2? certificate = null)
    {
        _script = script ?? (_ => null);
        _certificate = certificate;
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _acceptLoop = AcceptAsync();
    }

    public int Port { get; }

    public int Connections => Volatile.Read(ref _connections);

    public int TlsSessions { get; private set; }

    public ConcurrentQueue<string> Commands { get; } = new();

    /// <summary>The DATA content of each message, from after 354 to the terminating ".\r\n" included.</summary>
    public ConcurrentQueue<byte[]> Data { get; } = new();

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _acceptLoop;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            client.NoDelay = true;
            var number = Interlocked.Increment(ref _connections);
            _ = Task.Run(() => ServeAsync(client, number));
        }
    }

    private async Task ServeAsync(TcpClient client, int connection)
    {
        using var _ = client;
        Stream stream = client.GetStream();
        var reader = new SmtpLineReader(stream);
        try
        {
            if (!await ActAsync(stream, Next(connection, "CONNECT", string.Empty), "220 scripted.test ESMTP"))
            {
                return;
            }

            while (await reader.ReadLineAsync(_stop.Token) is { } raw)
            {
                var line = Encoding.ASCII.GetString(raw).TrimEnd('\r', '\n');
                Commands.Enqueue(line);
                var verb = line.Split(' ', 2)[0].ToUpperInvariant();
                var command = Next(connection, verb, line);
                if (verb == "STARTTLS" && _certificate is not null && _script(command) is null)
                {
                    // RFC 3207: after 220 the TLS handshake starts and the session state is reset.
                    await WriteAsync(stream, "220 2.0.0 Ready to start TLS");
                    var tls = new System.Net.Security.SslStream(stream);
                    stream = tls;
                    await tls.AuthenticateAsServerAsync(_certificate);
                    reader = new SmtpLineReader(tls);
                    TlsSessions++;
                    continue;
                }

                if (verb == "QUIT")
                {
                    await WriteAsync(stream, "221 2.0.0 Bye");
                    return;
                }

                if (verb == "DATA")
                {
                    var action = _script(command);
                    if (action is ServerAction.DropDuringData)
                    {
                        await WriteAsync(stream, "354 End data with <CR><LF>.<CR><LF>");
                        await reader.ReadLineAsync(_stop.Token);
                        return;
                    }

                    if (!await ActAsync(stream, action, "354 End data with <CR><LF>.<CR><LF>") || action is ServerAction.Reply { Text: not ['3', ..] })
                    {
                        continue;
                    }

                    Data.Enqueue(await reader.ReadDataAsync(_stop.Token));
                    if (!await ActAsync(stream, _script(Next(connection, ".", ".")), "250 2.0.0 Ok: queued as SCRIPTED"))
                    {
                        return;
                    }

                    continue;
                }

                if (!await ActAsync(stream, _script(command), DefaultReply(verb, _certificate is not null)))
                {
                    return;
                }
            }
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException
            or System.Security.Authentication.AuthenticationException)
        {
            // The client went away or the test ended: that is what several tests are about.
        }
    }

    private ScriptedCommand Next(int connection, string verb, string line) =>
        new(connection, verb, line, _verbCounts.AddOrUpdate(verb, 1, (_, n) => n + 1));

    /// <returns>false when the connection is to be closed.</returns>
    private async Task<bool> ActAsync(Stream stream, ScriptedCommand command, string defaultReply) =>
        await ActAsync(stream, _script(command), defaultReply);

    private async Task<bool> ActAsync(Stream stream, ServerAction? action, string defaultReply)
    {
        switch (action)
        {
            case null:
                await WriteAsync(stream, defaultReply);
                return true;
            case ServerAction.Reply reply:
                await WriteAsync(stream, reply.Text);
                return true;
            case ServerAction.ReplyThenClose reply:
                await WriteAsync(stream, reply.Text);
                return false;
            case ServerAction.Delay delay:
                await Task.Delay(delay.Time, _stop.Token);
                return await ActAsync(stream, delay.Then, defaultReply);
            case ServerAction.Stall:
                await Task.Delay(Timeout.Infinite, _stop.Token);
                return false;
            default:
                return false;
        }
    }

    private static string DefaultReply(string verb, bool tls) => verb switch
    {
        "EHLO" when tls => "250-scripted.test\r\n250-PIPELINING\r\n250-STARTTLS\r\n250-8BITMIME\r\n250 SIZE 10485760",
        "EHLO" => "250-scripted.test\r\n250-PIPELINING\r\n250-8BITMIME\r\n250 SIZE 10485760",
        "MAIL" => "250 2.1.0 Ok",
        "RCPT" => "250 2.1.5 Ok",
        "RSET" or "NOOP" or "HELO" => "250 2.0.0 Ok",
        _ => "502 5.5.2 Error: command not recognized",
    };

    private Task WriteAsync(Stream stream, string reply) =>
        stream.WriteAsync(Encoding.ASCII.GetBytes(reply + "\r\n"), _stop.Token).AsTask();
}
