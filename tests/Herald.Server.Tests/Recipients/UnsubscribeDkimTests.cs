using Herald.Server.Tests.Support;
using MimeKit;
using MimeKit.Cryptography;

namespace Herald.Server.Tests.Recipients;

public sealed class UnsubscribeDkimTests
{
    [Fact]
    public async Task The_DKIM_signature_covers_both_List_Unsubscribe_headers_and_verifies()
    {
        var key = new DkimTestKey("herald.localhost", "s1");
        await using var smtp = new ScriptedSmtpServer();
        await using var host = await HeraldTestHost.StartAsync(smtp.Port, key.Settings(
            ("Herald:PublicUrl", "https://herald.example.com/"),
            ("Herald:Recipients:UnsubscribeMailto", "unsubscribe@herald.example.com")));
        await host.CreateAsync("u-dkim", "dkim@example.com");
        var id = await host.SendToRecipientAsync("integration-alert", "u-dkim", new { integration = "Xero", problem = "token expired" });
        await host.WaitForStatusAsync(id, "delivered");

        var message = await smtp.WaitForMailAsync("dkim@example.com");
        var listUnsubscribe = message.Headers["List-Unsubscribe"];
        listUnsubscribe.ShouldStartWith("<https://herald.example.com/unsubscribe/");
        listUnsubscribe.ShouldContain(", <mailto:unsubscribe@herald.example.com?subject=unsubscribe%20");
        message.Headers["List-Unsubscribe-Post"].ShouldBe("List-Unsubscribe=One-Click");

        var signature = message.Headers[message.Headers.IndexOf(HeaderId.DkimSignature)];
        var signed = string.Concat(signature.Value.Where(c => !char.IsWhiteSpace(c))).ToLowerInvariant();
        var h = signed.Split(';').Single(t => t.StartsWith("h=", StringComparison.Ordinal))[2..].Split(':');
        h.ShouldContain("list-unsubscribe");
        h.ShouldContain("list-unsubscribe-post");
        (await new DkimVerifier(key).VerifyAsync(message, signature)).ShouldBeTrue();

        // Altering the signed header breaks the signature: the verifier really checks it.
        message.Headers["List-Unsubscribe"] = listUnsubscribe.Replace("herald.example.com", "evil.example.com", StringComparison.Ordinal);
        (await new DkimVerifier(key).VerifyAsync(message, signature)).ShouldBeFalse();
    }
}
