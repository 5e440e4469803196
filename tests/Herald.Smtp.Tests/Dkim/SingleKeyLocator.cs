using MimeKit.Cryptography;
using Org.BouncyCastle.Crypto;

namespace Herald.Smtp.Tests.Dkim;

/// <summary>Answers the DKIM key query (normally DNS TXT at selector._domainkey.domain) with the test key.</summary>
internal sealed class SingleKeyLocator(string domain, string selector, AsymmetricKeyParameter key) : IDkimPublicKeyLocator
{
    public AsymmetricKeyParameter LocatePublicKey(string methods, string domain1, string selector1, CancellationToken cancellationToken = default) =>
        domain1 == domain && selector1 == selector ? key : throw new InvalidOperationException($"no key for {selector1}._domainkey.{domain1}");

    public Task<AsymmetricKeyParameter> LocatePublicKeyAsync(string methods, string domain1, string selector1, CancellationToken cancellationToken = default) =>
        Task.FromResult(LocatePublicKey(methods, domain1, selector1, cancellationToken));
}
