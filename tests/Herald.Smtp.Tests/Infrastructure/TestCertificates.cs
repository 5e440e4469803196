using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Herald.Smtp.Tests.Infrastructure;

internal static class TestCertificates
{
    /// <summary>A self-signed server certificate, like most MX hosts have for their own name or none at all.</summary>
    public static X509Certificate2 SelfSigned()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=scripted.test", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var now = DateTimeOffset.UtcNow;
        using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddDays(1));
        // SslStream on Linux wants the private key in a loaded PFX, not an ephemeral key.
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), null);
    }
}
