using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Configuration;

namespace Herald.Smtp.Inbound;

/// <summary>
/// Reads <see cref="BounceListenerOptions"/> from a configuration section whose keys are its property names
/// (<c>Herald:Inbound</c> in Herald). <see cref="BounceListenerOptions.Endpoint"/> is written "address:port"
/// (127.0.0.1:2526, [::1]:2526) and parsed here: the configuration binder has no conversion from a string to an
/// <see cref="IPEndPoint"/> and would silently keep the default. The STARTTLS certificate is read from
/// <c>CertificateFile</c>: a PKCS#12 file (.pfx, .p12) or a PEM certificate whose key is in the same file or in
/// <c>CertificateKeyFile</c>; <c>CertificatePassword</c> opens a PKCS#12 file or an encrypted PEM key.
/// </summary>
public static class BounceListenerConfiguration
{
    public const string CertificateFile = "CertificateFile";
    public const string CertificateKeyFile = "CertificateKeyFile";
    public const string CertificatePassword = "CertificatePassword";

    /// <exception cref="CryptographicException">The certificate file cannot be read (see <see cref="CertificateProblem"/>).</exception>
    public static BounceListenerOptions Read(IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(section);
        var options = section.Get<BounceListenerOptions>() ?? new BounceListenerOptions();
        if (section[nameof(BounceListenerOptions.Endpoint)] is { } endpoint)
        {
            options = options with { Endpoint = IPEndPoint.Parse(endpoint) };
        }

        return LoadCertificate(section) is { } certificate ? options with { Certificate = certificate } : options;
    }

    /// <summary>What is wrong with the section's Endpoint, in words; null when it is absent or valid.</summary>
    public static string? EndpointProblem(IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(section);
        return section[nameof(BounceListenerOptions.Endpoint)] is { } endpoint && !IPEndPoint.TryParse(endpoint, out _)
            ? $"'{endpoint}' is not an IP address and port, e.g. 127.0.0.1:2526"
            : null;
    }

    /// <summary>What is wrong with the STARTTLS certificate, in words naming the file; null when none is set or it loads with its key.</summary>
    public static string? CertificateProblem(IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(section);
        try
        {
            using var certificate = LoadCertificate(section);
            return certificate is null || certificate.HasPrivateKey ? null : $"'{section[CertificateFile]}' holds no private key for the certificate";
        }
        catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            return $"'{section[CertificateFile]}' cannot be loaded: {e.Message}";
        }
    }

    private static X509Certificate2? LoadCertificate(IConfiguration section)
    {
        if (section[CertificateFile] is not { Length: > 0 } file)
        {
            return null;
        }

        var password = section[CertificatePassword];
        if (Path.GetExtension(file).ToLowerInvariant() is ".pfx" or ".p12")
        {
            return X509CertificateLoader.LoadPkcs12FromFile(file, password);
        }

        var key = section[CertificateKeyFile] is { Length: > 0 } keyFile ? keyFile : null;
        using var pem = string.IsNullOrEmpty(password)
            ? X509Certificate2.CreateFromPemFile(file, key)
            : X509Certificate2.CreateFromEncryptedPemFile(file, password, key);
        // SslStream on Linux serves a key it can persist; a PEM key is ephemeral until exported and loaded again.
        return X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null);
    }
}
