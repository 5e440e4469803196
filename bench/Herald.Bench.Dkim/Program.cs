using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Herald.Smtp.Outbound.Dkim;
using Microsoft.Extensions.Options;
using MimeKit;
using MimeKit.Cryptography;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.OpenSsl;
using Org.BouncyCastle.Security;

// Signs the same small notification message over and over and prints signatures per second for MimeKit's
// stock signer (BouncyCastle RSA), Herald's signer (.NET/OpenSSL RSA) and ed25519. Usage: [seconds per case].
var seconds = args.Length > 0 ? double.Parse(args[0], CultureInfo.InvariantCulture) : 3.0;
var duration = TimeSpan.FromSeconds(seconds);

using var rsa = RSA.Create(2048);
var rsaPem = rsa.ExportPkcs8PrivateKeyPem();
var ed25519Pem = Ed25519Pem();
string[] headers = ["From", "To", "Subject", "Date", "Message-ID", "MIME-Version", "Content-Type"];

var stock = new DkimSigner(new MemoryStream(Encoding.ASCII.GetBytes(rsaPem)), "herald.test", "s1", DkimSignatureAlgorithm.RsaSha256)
{
    HeaderCanonicalizationAlgorithm = DkimCanonicalizationAlgorithm.Relaxed,
    BodyCanonicalizationAlgorithm = DkimCanonicalizationAlgorithm.Relaxed,
};
using var ours = Herald(rsaPem, "rsa-sha256");
using var ed25519 = Herald(ed25519Pem, "ed25519-sha256");

Console.WriteLine($"DKIM signing, one thread, {seconds:0.#} s per case, {Environment.ProcessorCount} cores, .NET {Environment.Version}");
Report("MimeKit DkimSigner rsa-sha256 (BouncyCastle)", m => stock.Sign(m, headers));
Report("Herald DkimMessageSigner rsa-sha256 (.NET RSA)", ours.Sign);
Report("Herald DkimMessageSigner ed25519-sha256 (MimeKit)", ed25519.Sign);
var digest = SHA256.HashData("baseline"u8);
Report("baseline: bare .NET RSA.SignHash, no DKIM", _ => rsa.SignHash(digest, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));

// The machine is shared: each case runs in 5 rounds and prints the best and the median round.
void Report(string name, Action<MimeMessage> sign)
{
    var message = Message();
    for (var i = 0; i < 20; i++)
    {
        SignOnce(message, sign); // warm-up: JIT, key loading
    }

    var rates = new List<double>();
    for (var round = 0; round < 5; round++)
    {
        var count = 0;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < duration / 5)
        {
            SignOnce(message, sign);
            count++;
        }

        rates.Add(count / clock.Elapsed.TotalSeconds);
    }

    rates.Sort();
    Console.WriteLine($"{name,-52} best {rates[^1],8:N0}  median {rates[2],8:N0} signs/s");
}

static void SignOnce(MimeMessage message, Action<MimeMessage> sign)
{
    sign(message);
    message.Headers.RemoveAll(HeaderId.DkimSignature);
}

static DkimMessageSigner Herald(string pem, string algorithm)
{
    var options = new DkimOptions();
    options.Keys.Add(new DkimKeyOptions { Domain = "herald.test", Selector = "s1", PrivateKeyPem = pem, Algorithm = algorithm });
    return new DkimMessageSigner(Options.Create(options), TimeProvider.System);
}

static MimeMessage Message()
{
    var message = new MimeMessage();
    message.From.Add(new MailboxAddress("Herald", "noreply@herald.test"));
    message.To.Add(MailboxAddress.Parse("user@example.test"));
    message.Subject = "Your sign-in code";
    message.MessageId = "bench@herald.test";
    message.Date = new DateTimeOffset(2026, 11, 26, 7, 0, 0, TimeSpan.Zero);
    message.Body = new TextPart("plain") { Text = "Your sign-in code is 123456. It expires in 10 minutes.\r\n" };
    return message;
}

static string Ed25519Pem()
{
    var generator = new Ed25519KeyPairGenerator();
    generator.Init(new Ed25519KeyGenerationParameters(new SecureRandom()));
    using var text = new StringWriter();
    new PemWriter(text).WriteObject(generator.GenerateKeyPair().Private);
    return text.ToString();
}
