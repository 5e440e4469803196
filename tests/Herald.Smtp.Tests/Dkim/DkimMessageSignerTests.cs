using Herald.Smtp.Outbound;
using Herald.Smtp.Outbound.Dkim;
using Herald.Smtp.Tests.Infrastructure;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using MimeKit.Cryptography;
using Org.BouncyCastle.Crypto;

namespace Herald.Smtp.Tests.Dkim;

public sealed class DkimMessageSignerTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 7, 0, 0, TimeSpan.Zero);

    public static TheoryData<string> Algorithms => ["rsa-sha256", "ed25519-sha256"];

    [Theory]
    [MemberData(nameof(Algorithms))]
    public void Signed_message_verifies_with_MimeKit_DkimVerifier(string algorithm)
    {
        var (signer, publicKey) = Signer(algorithm);

        var message = TestMail.Message();
        signer.Sign(message);

        Verify(Reparse(message), publicKey).ShouldBeTrue();
        var tags = Tags(message);
        tags["a"].ShouldBe(algorithm);
        tags["c"].ShouldBe("relaxed/relaxed");
        tags["d"].ShouldBe("herald.test");
        tags["s"].ShouldBe("s2026");
        tags["t"].ShouldBe(Now.ToUnixTimeSeconds().ToString());
    }

    [Theory]
    [MemberData(nameof(Algorithms))]
    public void Changing_a_signed_header_breaks_the_signature(string algorithm)
    {
        var (signer, publicKey) = Signer(algorithm);
        var message = TestMail.Message();
        signer.Sign(message);

        message.Subject = "Your sign-in code (changed)";

        Verify(Reparse(message), publicKey).ShouldBeFalse();
    }

    [Fact]
    public void Signature_covers_the_listed_headers_and_the_unsubscribe_pair_when_present()
    {
        var (signer, publicKey) = Signer("rsa-sha256");
        var message = TestMail.Message();
        message.Headers.Add("List-Unsubscribe", "<https://herald.test/u/abc>");
        message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        signer.Sign(message);

        Tags(message)["h"].ToLowerInvariant().Split(':').ShouldBe(
            ["from", "to", "subject", "date", "message-id", "mime-version", "content-type", "list-unsubscribe", "list-unsubscribe-post"]);
        Verify(Reparse(message), publicKey).ShouldBeTrue();
        message.Headers["List-Unsubscribe"] = "<https://evil.test/u/abc>";
        Verify(Reparse(message), publicKey).ShouldBeFalse();
    }

    [Fact]
    public void Concurrent_signing_with_one_signer_gives_valid_signatures()
    {
        var (signer, publicKey) = Signer("rsa-sha256");
        var messages = Enumerable.Range(0, 64).Select(_ => TestMail.Message()).ToArray();

        Parallel.ForEach(messages, new ParallelOptions { MaxDegreeOfParallelism = 8 }, signer.Sign);

        messages.ShouldAllBe(m => Verify(Reparse(m), publicKey));
    }

    [Fact]
    public void Signing_again_for_a_retry_replaces_our_signature_and_keeps_others()
    {
        var (signer, publicKey) = Signer("rsa-sha256");
        var message = TestMail.Message();
        message.Headers.Add("DKIM-Signature", "v=1; a=rsa-sha256; d=esp.test; s=x; h=from; bh=AAAA; b=BBBB");
        signer.Sign(message);

        signer.Sign(message);

        message.Headers.Count(h => h.Id == HeaderId.DkimSignature).ShouldBe(2);
        message.Headers.Count(h => h.Id == HeaderId.DkimSignature && h.Value.Contains("d=herald.test")).ShouldBe(1);
        Verify(Reparse(message), publicKey).ShouldBeTrue();
    }

    [Fact]
    public void Unsubscribe_headers_are_not_listed_when_absent()
    {
        var (signer, _) = Signer("rsa-sha256");
        var message = TestMail.Message();
        signer.Sign(message);

        Tags(message)["h"].ShouldNotContain("List-Unsubscribe", Case.Insensitive);
    }

    [Fact]
    public void Message_from_a_domain_without_a_key_is_left_unsigned()
    {
        var (signer, _) = Signer("rsa-sha256");
        var message = TestMail.Message();
        message.From.Clear();
        message.From.Add(new MailboxAddress("Other", "noreply@other.test"));

        signer.Sign(message);

        message.Headers.Contains(HeaderId.DkimSignature).ShouldBeFalse();
    }

    [Fact]
    public void Key_is_read_from_a_PEM_file()
    {
        var (pem, publicKey) = TestKeys.Rsa2048();
        var file = Path.Combine(Path.GetTempPath(), $"herald-dkim-{Guid.NewGuid():N}.pem");
        File.WriteAllText(file, pem);
        try
        {
            var options = new DkimOptions();
            options.Keys.Add(new DkimKeyOptions { Domain = "herald.test", Selector = "s2026", PrivateKeyFile = file });
            using var signer = new DkimMessageSigner(Options.Create(options), TimeProvider.System);
            var message = TestMail.Message();

            signer.Sign(message);

            Verify(Reparse(message), publicKey).ShouldBeTrue();
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Unknown_algorithm_is_a_configuration_error()
    {
        var key = new DkimKeyOptions { Domain = "herald.test", Selector = "s", PrivateKeyPem = TestKeys.Rsa2048().PrivatePem, Algorithm = "rsa-sha1" };

        Should.Throw<InvalidOperationException>(() => DkimMessageSigner.Create(key, TimeProvider.System));
    }

    private static (DkimMessageSigner Signer, AsymmetricKeyParameter PublicKey) Signer(string algorithm)
    {
        var (pem, publicKey) = algorithm == "rsa-sha256" ? TestKeys.Rsa2048() : TestKeys.Ed25519();
        var options = new DkimOptions();
        options.Keys.Add(new DkimKeyOptions { Domain = "herald.test", Selector = "s2026", PrivateKeyPem = pem, Algorithm = algorithm });
        return (new DkimMessageSigner(Options.Create(options), new FakeTimeProvider(Now)), publicKey);
    }

    /// <summary>What the receiver sees: the bytes as sent, parsed again.</summary>
    private static MimeMessage Reparse(MimeMessage message)
    {
        using var stream = new MemoryStream();
        message.WriteTo(MailKitSmtpTransport.WireFormat, stream);
        stream.Position = 0;
        return MimeMessage.Load(stream);
    }

    private static bool Verify(MimeMessage message, AsymmetricKeyParameter publicKey)
    {
        var verifier = new DkimVerifier(new SingleKeyLocator("herald.test", "s2026", publicKey));
        verifier.Enable(DkimSignatureAlgorithm.Ed25519Sha256);
        var signature = message.Headers[message.Headers.IndexOf(HeaderId.DkimSignature)];
        return verifier.Verify(message, signature);
    }

    private static Dictionary<string, string> Tags(MimeMessage message) => message.Headers[HeaderId.DkimSignature]!
        .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(t => t.Split('=', 2))
        .ToDictionary(p => p[0], p => string.Concat(p[1].Where(c => !char.IsWhiteSpace(c))));
}
