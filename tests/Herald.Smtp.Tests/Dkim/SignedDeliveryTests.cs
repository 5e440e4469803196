using System.Text;
using Herald.Core.Delivery;
using Herald.Smtp.Outbound.Dkim;
using Herald.Smtp.Tests.Infrastructure;
using Microsoft.Extensions.Options;
using MimeKit;
using MimeKit.Cryptography;

namespace Herald.Smtp.Tests.Dkim;

public sealed class SignedDeliveryTests
{
    [Fact]
    public async Task Signature_of_an_8bit_message_verifies_on_the_bytes_the_server_received()
    {
        var (pem, publicKey) = TestKeys.Rsa2048();
        var options = new DkimOptions();
        options.Keys.Add(new DkimKeyOptions { Domain = "HERALD.test", Selector = "s1", PrivateKeyPem = pem });
        using var signer = new DkimMessageSigner(Options.Create(options), TimeProvider.System);
        await using var server = new ScriptedSmtpServer();
        using var transport = TestMail.Relay(server.Port);
        var message = TestMail.Message("Grüße, Łukasz!\nDein Code: 123456\rEnde\n");

        signer.Sign(message);
        var result = await transport.SendAsync(TestMail.Email(message), TestContext.Current.CancellationToken);

        result.ShouldBeOfType<SmtpSendResult.Accepted>();
        var received = Undot(server.Data.ShouldHaveSingleItem());
        received.ShouldAllBe(b => b < 128);
        using var stream = new MemoryStream(received);
        var parsed = await MimeMessage.LoadAsync(stream, TestContext.Current.CancellationToken);
        var verifier = new DkimVerifier(new SingleKeyLocator("HERALD.test", "s1", publicKey));
        verifier.Verify(parsed, parsed.Headers[parsed.Headers.IndexOf(HeaderId.DkimSignature)]).ShouldBeTrue();
        parsed.TextBody!.ShouldContain("Grüße, Łukasz!");
    }

    /// <summary>Undo SMTP's transparency (RFC 5321 section 4.5.2) and drop the final "." line.</summary>
    private static byte[] Undot(byte[] data)
    {
        var text = Encoding.Latin1.GetString(data);
        text = text[..^3].Replace("\r\n..", "\r\n.", StringComparison.Ordinal);
        return Encoding.Latin1.GetBytes(text.StartsWith("..", StringComparison.Ordinal) ? text[1..] : text);
    }
}
