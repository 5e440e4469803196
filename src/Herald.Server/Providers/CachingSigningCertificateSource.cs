using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Herald.Server.Providers;

/// <summary>
/// Fetches SNS signing certificates over HTTPS and keeps them (SNS rotates them rarely; fetching per message would
/// put an outbound request on every webhook). Each call returns a fresh instance the caller may dispose.
/// The HttpClient must not follow redirects: the URL was validated, a redirect target was not.
/// A failed fetch is remembered too, for <see cref="FailureTtl"/>: otherwise every forged webhook naming an SNS URL
/// that does not answer costs one outbound request, so a flood of them is a flood of requests to AWS from our address.
/// </summary>
internal sealed class CachingSigningCertificateSource(IHttpClientFactory clients, TimeProvider time) : ISigningCertificateSource
{
    public const string HttpClientName = "herald-sns-certificates";
    private const int MaxPemBytes = 16 * 1024;
    private const int MaxEntries = 64;

    /// <summary>
    /// Short enough that an outage at AWS delays real events only briefly: SNS's default HTTP/S delivery policy retries
    /// three times 20 s apart, so at least two of those retries fetch again.
    /// </summary>
    public static readonly TimeSpan FailureTtl = TimeSpan.FromSeconds(15);

    private readonly ConcurrentDictionary<string, byte[]> _cache = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _failed = new(StringComparer.Ordinal);

    public async Task<X509Certificate2?> GetAsync(Uri url, CancellationToken cancellationToken)
    {
        // Defence in depth: the verifier already checked, but this class must be safe on its own.
        if (!SnsUrlPolicy.IsSigningCertUrl(url.OriginalString))
        {
            return null;
        }

        var key = url.AbsoluteUri;
        if (_cache.TryGetValue(key, out var cached))
        {
            var certificate = X509CertificateLoader.LoadCertificate(cached);
            if (certificate.NotAfter.ToUniversalTime() > time.GetUtcNow())
            {
                return certificate;
            }

            certificate.Dispose();
            _cache.TryRemove(key, out _);
        }

        if (_failed.TryGetValue(key, out var retryAt))
        {
            if (time.GetUtcNow() < retryAt)
            {
                return null;
            }

            _failed.TryRemove(key, out _);
        }

        var der = await FetchAsync(url, cancellationToken);
        if (der is null)
        {
            // Not when the caller gave up: that says nothing about the URL.
            if (!cancellationToken.IsCancellationRequested)
            {
                if (_failed.Count >= MaxEntries)
                {
                    _failed.Clear();
                }

                _failed[key] = time.GetUtcNow() + FailureTtl;
            }

            return null;
        }

        if (_cache.Count >= MaxEntries)
        {
            _cache.Clear();
        }

        _cache[key] = der;
        return X509CertificateLoader.LoadCertificate(der);
    }

    private async Task<byte[]?> FetchAsync(Uri url, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await clients.CreateClient(HttpClientName)
                .GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (!response.IsSuccessStatusCode || response.Content.Headers.ContentLength > MaxPemBytes)
            {
                return null;
            }

            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            var buffer = new byte[MaxPemBytes + 1];
            var total = 0;
            int read;
            while (total < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(total), cancellationToken)) > 0)
            {
                total += read;
            }

            if (total > MaxPemBytes)
            {
                return null;
            }

            using var certificate = X509Certificate2.CreateFromPem(Encoding.ASCII.GetString(buffer, 0, total));
            return certificate.RawData;
        }
        catch (Exception ex) when (ex is HttpRequestException or CryptographicException or TaskCanceledException or ArgumentException)
        {
            return null;
        }
    }
}
