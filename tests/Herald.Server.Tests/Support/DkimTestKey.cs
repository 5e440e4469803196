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

    /// <summary>The Herald settings that sign with this key, plus any extra settings a test needs.</summary>
    public Dictionary<string, string?> Settings(params (string Key, string Value)[] extra)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Herald:Smtp:Dkim:Keys:0:Domain"] = Domain,
            ["Herald:Smtp:Dkim:Keys:0:Selector"] = Selector,
            ["Herald:Smtp:Dkim:Keys:0:PrivateKeyPem"] = PrivatePem,
        };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        return settings;
    }

    public AsymmetricKeyParameter LocatePublicKey(string methods, string domain, string selector, CancellationToken cancellationToken = default) =>
        domain == Domain && selector == Selector ? _public : throw new InvalidOperationException($"no key at {selector}._domainkey.{domain}");

    public Task<AsymmetricKeyParameter> LocatePublicKeyAsync(string methods, string domain, string selector, CancellationToken cancellationToken = default) =>
        Task.FromResult(LocatePublicKey(methods, domain, selector, cancellationToken));
}
