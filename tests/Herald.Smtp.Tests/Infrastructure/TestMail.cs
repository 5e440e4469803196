using Herald.Core.Delivery;
using Herald.Smtp.Outbound;
using Herald.Smtp.Outbound.Mx;
using MimeKit;

namespace Herald.Smtp.Tests.Infrastructure;

internal static class TestMail
{
    public const string Recipient = "user@example.test";
    public const string ReturnPath = "bounce+42@bounce.herald.test";

    public static MimeMessage Message(string body = "Your sign-in code is 123456.\r\n")
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress("Herald", "noreply@herald.test"));
        message.To.Add(MailboxAddress.Parse(Recipient));
        message.Subject = "Your sign-in code";
        message.Date = new DateTimeOffset(2026, 11, 26, 6, 0, 0, TimeSpan.Zero);
        message.MessageId = $"{Guid.NewGuid():N}@herald.test";
        message.Body = new TextPart("plain") { Text = body };
        return message;
    }

    public static OutgoingEmail Email(MimeMessage? message = null, string route = "relay") =>
        new(route, ReturnPath, Recipient, message ?? Message());

    public static MailKitSmtpTransport Relay(
        int port, TimeSpan? timeout = null, int maxConnections = 8, StartTlsPolicy startTls = StartTlsPolicy.None, string? username = null)
    {
        var options = new SmtpRoutesOptions { LocalDomain = "client.herald.test" };
        options.Routes["relay"] = new SmtpRouteOptions
        {
            Kind = SmtpRouteKind.Relay,
            Host = "127.0.0.1",
            Port = port,
            StartTls = startTls,
            Username = username,
            Password = username is null ? null : "secret",
            Timeout = timeout ?? TimeSpan.FromSeconds(10),
            MaxConnections = maxConnections,
        };
        return new MailKitSmtpTransport(options, TimeProvider.System, new FixedMxLookup(new MxAnswer.TemporaryFailure("no DNS in relay tests")));
    }
}
