using System.Collections.Concurrent;
using System.Security.Cryptography.X509Certificates;
using Herald.Server.Providers;

namespace Herald.Server.Tests.Providers;

/// <summary>Stands in for the HTTPS fetch of the signing certificate and records every URL asked for.</summary>
internal sealed class RecordingCertificateSource(X509Certificate2? certificate) : ISigningCertificateSource
{
    public ConcurrentQueue<Uri> Requested { get; } = new();

    public Task<X509Certificate2?> GetAsync(Uri url, CancellationToken cancellationToken)
    {
        Requested.Enqueue(url);
        return Task.FromResult(certificate is null ? null : X509CertificateLoader.LoadCertificate(certificate.RawData));
    }
}
