using System.Security.Cryptography.X509Certificates;

namespace Herald.Server.Providers;

/// <summary>
/// Fetches the X.509 certificate SNS signed with. Only ever called with a URL that passed <c>SnsUrlPolicy</c>.
/// Returns null when the certificate cannot be obtained (network, not PEM).
/// </summary>
public interface ISigningCertificateSource
{
    Task<X509Certificate2?> GetAsync(Uri url, CancellationToken cancellationToken);
}
