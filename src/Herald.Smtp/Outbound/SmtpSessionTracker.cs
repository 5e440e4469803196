using System.Text;
using Herald.Bounces;
using Herald.Core.Delivery;
using MailKit;

namespace Herald.Smtp.Outbound;

/// <summary>
/// Watches one connection's protocol stream (MailKit calls it for every write and read) to know which command
/// a failure answered: MailKit's exceptions say "unexpected status code" without saying to what.
/// It reads only the first bytes of each client write and the reply code of each server read.
/// </summary>
internal sealed class SmtpSessionTracker : IProtocolLogger
{
    private static readonly (string Verb, SmtpStage Stage)[] Verbs =
    [
        ("EHLO ", SmtpStage.Ehlo), ("HELO ", SmtpStage.Ehlo), ("STARTTLS", SmtpStage.StartTls), ("AUTH ", SmtpStage.Auth),
        ("MAIL ", SmtpStage.MailFrom), ("RCPT ", SmtpStage.RcptTo), ("DATA", SmtpStage.Data), ("BDAT ", SmtpStage.Data),
    ];

    public SmtpStage Stage { get; private set; } = SmtpStage.Connect;

    /// <summary>Whether the TCP connection was established (a failure before that is ConnectFailed).</summary>
    public bool Connected { get; private set; }

    /// <summary>Server reads since <see cref="BeginTransaction"/>: zero means the server said nothing about this message.</summary>
    public int RepliesInTransaction { get; private set; }

    public int? LastReplyCode { get; private set; }

    public IAuthenticationSecretDetector? AuthenticationSecretDetector { get; set; }

    public void BeginTransaction()
    {
        Stage = SmtpStage.MailFrom;
        RepliesInTransaction = 0;
    }

    public void LogConnect(Uri uri) => Connected = true;

    public void LogClient(byte[] buffer, int offset, int count)
    {
        // Once DATA is sent, writes are message content until the next transaction; never parse those.
        if (Stage == SmtpStage.Data)
        {
            return;
        }

        var head = Encoding.ASCII.GetString(buffer, offset, Math.Min(count, 8));
        foreach (var (verb, stage) in Verbs)
        {
            if (head.StartsWith(verb, StringComparison.OrdinalIgnoreCase))
            {
                Stage = stage;
                return;
            }
        }
    }

    public void LogServer(byte[] buffer, int offset, int count)
    {
        RepliesInTransaction++;
        // The last line of the read carries the code of the (last) reply: "250 2.0.0 Ok\r\n".
        var end = offset + count;
        while (end > offset && buffer[end - 1] is (byte)'\r' or (byte)'\n')
        {
            end--;
        }

        var start = Array.LastIndexOf(buffer, (byte)'\n', Math.Max(end - 1, offset), end - offset) + 1;
        if (start <= 0)
        {
            start = offset;
        }

        if (end - start >= 3 && int.TryParse(buffer.AsSpan(start, 3), out var code))
        {
            LastReplyCode = code;
        }
    }

    public void Dispose()
    {
    }
}
