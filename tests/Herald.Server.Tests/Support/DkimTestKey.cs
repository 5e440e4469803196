using System.Security.Cryptography;
using MimeKit.Cryptography;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Security;

namespace Herald.Server.Tests.Support;

/// <summary>An RSA-2048 DKIM key pair; as a locator it answers the selector._domainkey TXT query with the public half.</summary>
internal sealed class DkimTestKey : IDkimPublicKeyLocator
{
    private readonly AsymmetricKeyParameter _public;

    public DkimTestKey(string domain, string selector)
    {
        using var rsa = RSA.Create(2048);
        PrivatePem = rsa.ExportPkcs8PrivateKeyPem();
        _public = PublicKeyFactory.CreateKey(rsa.ExportSubjectPublicKeyInfo());
        (Domain, Selector) = (domain, selector);
    }

    public string Domain { get; }

    public string Selector { get; }

    public string PrivatePem { get; }

    public AsymmetricKeyParameter LocatePublicKey(string methods, string domain, string selector, CancellationToken cancellationToken = default) =>
        domain == Domain && selector == Selector ? _public : throw new InvalidOperationException($"no key at {selector}._domainkey.{domain}");

    public Task<AsymmetricKeyParameter> LocatePublicKeyAsync(string methods, string domain, string selector, CancellationToken cancellationToken = default) =>
        Task.FromResult(LocatePublicKey(methods, domain, selector, cancellationToken));
}
