using System.Text;
using MimeKit.Cryptography;

namespace Herald.Smtp.Outbound.Dkim;

/// <summary>MimeKit's own signer (used for ed25519-sha256, RFC 8463) with the signature time from our clock.</summary>
internal sealed class TimedDkimSigner(string pem, string domain, string selector, DkimSignatureAlgorithm algorithm, TimeProvider time)
    : DkimSigner(new MemoryStream(Encoding.ASCII.GetBytes(pem)), domain, selector, algorithm)
{
    protected override long GetTimestamp() => time.GetUtcNow().ToUnixTimeSeconds();
}
