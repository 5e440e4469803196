using System.Security.Cryptography.X509Certificates;
using Herald.Smtp.Inbound;
using Herald.Smtp.Tests.Infrastructure;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Configuration;
using MimeKit;

namespace Herald.Smtp.Tests.Inbound;

/// <summary>STARTTLS (RFC 3207) on the real listener with a configured certificate, MailKit as the sending MTA.</summary>
public sealed class BounceListenerStartTlsTests
{
    private static MimeMessage Dsn()
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress("Mail Delivery System", "MAILER-DAEMON@mx.peer.example"));
        message.To.Add(MailboxAddress.Parse(ListenerHarness.KnownReturnPath));
        message.Subject = "Undelivered Mail Returned to Sender";
        message.Body = new TextPart("plain") { Text = "550 5.1.1 <nobody@peer.example>: Recipient address rejected" };
        return message;
    }

    [Fact]
    public async Task With_a_certificate_a_bounce_arrives_over_STARTTLS_with_TLS_1_2_or_later()
    {
        using var certificate = TestCertificates.SelfSigned();
        await using var harness = await ListenerHarness.StartAsync(o => o with { Certificate = certificate });
        using var client = new SmtpClient();
        string? seen = null;
        client.ServerCertificateValidationCallback = (_, presented, _, _) =>
        {
            seen = presented?.GetCertHashString();
            // Self-signed: trusted because it is exactly the one the listener was configured with.
            return presented?.GetCertHashString() == certificate.GetCertHashString();
        };

        await client.ConnectAsync(harness.EndPoint.Address.ToString(), harness.EndPoint.Port, SecureSocketOptions.StartTls);
        client.IsSecure.ShouldBeTrue();
        client.SslProtocol.ShouldBeOneOf(System.Security.Authentication.SslProtocols.Tls12, System.Security.Authentication.SslProtocols.Tls13);
        await client.SendAsync(Dsn());
        await client.DisconnectAsync(true);

        seen.ShouldBe(certificate.GetCertHashString());
        harness.Sink.Received.ShouldHaveSingleItem().Recipients.ShouldBe([ListenerHarness.KnownReturnPath]);
    }

    [Fact]
    public async Task Without_a_certificate_STARTTLS_is_not_offered_and_mail_still_arrives_in_clear()
    {
        await using var harness = await ListenerHarness.StartAsync();
        using var client = new SmtpClient();
        await client.ConnectAsync(harness.EndPoint.Address.ToString(), harness.EndPoint.Port, SecureSocketOptions.StartTlsWhenAvailable);

        client.Capabilities.HasFlag(SmtpCapabilities.StartTLS).ShouldBeFalse();
        client.IsSecure.ShouldBeFalse();
        await client.SendAsync(Dsn());
        harness.Sink.Received.ShouldHaveSingleItem();
    }

    [Fact]
    public async Task Plaintext_pipelined_after_STARTTLS_is_discarded_not_run_inside_the_TLS_session()
    {
        using var certificate = TestCertificates.SelfSigned();
        await using var harness = await ListenerHarness.StartAsync(o => o with { Certificate = certificate });
        await using var raw = await harness.ConnectAsync();
        (await raw.ReadReplyAsync()).ShouldStartWith("220");
        (await raw.CommandAsync("EHLO attacker.example")).ShouldContain("STARTTLS");

        // CVE-2011-0411: a man in the middle appends a command after STARTTLS in the same packet.
        await raw.SendAsync("STARTTLS\r\nMAIL FROM:<injected@attacker.example>\r\n");
        (await raw.ReadReplyAsync()).ShouldStartWith("220");
        using var tls = new System.Net.Security.SslStream(raw.Stream, leaveInnerStreamOpen: true,
            (_, presented, _, _) => presented?.GetCertHashString() == certificate.GetCertHashString());
        await tls.AuthenticateAsClientAsync("mx.test");
        using var reader = new StreamReader(tls);
        await tls.WriteAsync("EHLO client.example\r\n"u8.ToArray());
        string? line;
        do
        {
            line = await reader.ReadLineAsync();
        }
        while (line is not null && line.StartsWith("250-", StringComparison.Ordinal));

        line.ShouldNotBeNull().ShouldStartWith("250 ");
        // Had the injected MAIL run, this second MAIL would be refused as a nested transaction (503).
        await tls.WriteAsync("MAIL FROM:<real@peer.example>\r\n"u8.ToArray());
        (await reader.ReadLineAsync()).ShouldNotBeNull().ShouldStartWith("250");
    }

    [Fact]
    public void The_certificate_is_read_from_a_PEM_file_and_its_key_file_and_a_missing_file_is_named()
    {
        using var certificate = TestCertificates.SelfSigned();
        var folder = Directory.CreateTempSubdirectory("herald-tls-").FullName;
        try
        {
            var cert = Path.Combine(folder, "cert.pem");
            var key = Path.Combine(folder, "key.pem");
            File.WriteAllText(cert, certificate.ExportCertificatePem());
            File.WriteAllText(key, certificate.GetRSAPrivateKey()!.ExportPkcs8PrivateKeyPem());
            var section = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["CertificateFile"] = cert,
                ["CertificateKeyFile"] = key,
            }).Build();

            BounceListenerConfiguration.CertificateProblem(section).ShouldBeNull();
            using var loaded = BounceListenerConfiguration.Read(section).Certificate.ShouldNotBeNull();
            loaded.GetCertHashString().ShouldBe(certificate.GetCertHashString());
            loaded.HasPrivateKey.ShouldBeTrue();

            var missing = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["CertificateFile"] = Path.Combine(folder, "nope.pfx"),
            }).Build();
            BounceListenerConfiguration.CertificateProblem(missing).ShouldNotBeNull().ShouldContain("nope.pfx' cannot be loaded");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
