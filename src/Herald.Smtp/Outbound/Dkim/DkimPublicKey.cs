using System.Security.Cryptography;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.OpenSsl;

namespace Herald.Smtp.Outbound.Dkim;

/// <summary>
/// The value a configured key's DNS record must carry in <c>p=</c>: base64 of the SubjectPublicKeyInfo for RSA (RFC 6376
/// 3.6.1), of the raw 32-byte public key for Ed25519 (RFC 8463 section 4).
/// </summary>
public static class DkimPublicKey
{
    /// <returns>Null when the key cannot be read (<see cref="DkimConfiguration"/> names that problem at start-up).</returns>
    public static string? Of(DkimKeyOptions key)
    {
        ArgumentNullException.ThrowIfNull(key);
        try
        {
            var pem = key.LoadPem();
            if (key.Algorithm.StartsWith("ed25519", StringComparison.OrdinalIgnoreCase))
            {
                using var reader = new StringReader(pem);
                var read = new PemReader(reader).ReadObject();
                return read is Ed25519PrivateKeyParameters ed ? Convert.ToBase64String(ed.GeneratePublicKey().GetEncoded()) : null;
            }

            using var rsa = RSA.Create();
            rsa.ImportFromPem(pem);
            return Convert.ToBase64String(rsa.ExportSubjectPublicKeyInfo());
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException or IOException or InvalidOperationException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
