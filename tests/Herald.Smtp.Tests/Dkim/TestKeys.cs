using System.Security.Cryptography;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Security;

namespace Herald.Smtp.Tests.Dkim;

/// <summary>Fresh key pairs for the tests: private half as PEM (what configuration holds), public half for the verifier.</summary>
internal static class TestKeys
{
    public static (string PrivatePem, AsymmetricKeyParameter PublicKey) Rsa2048()
    {
        using var rsa = RSA.Create(2048);
        return (rsa.ExportPkcs8PrivateKeyPem(), PublicKeyFactory.CreateKey(rsa.ExportSubjectPublicKeyInfo()));
    }

    public static (string PrivatePem, AsymmetricKeyParameter PublicKey) Ed25519()
    {
        var generator = new Ed25519KeyPairGenerator();
        generator.Init(new Ed25519KeyGenerationParameters(new SecureRandom()));
        var pair = generator.GenerateKeyPair();
        using var text = new StringWriter();
        new Org.BouncyCastle.OpenSsl.PemWriter(text).WriteObject(pair.Private);
        return (text.ToString(), pair.Public);
    }
}
