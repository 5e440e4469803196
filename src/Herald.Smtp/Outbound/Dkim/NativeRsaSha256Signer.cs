using System.Buffers;
using System.Security.Cryptography;
using Org.BouncyCastle.Crypto;

namespace Herald.Smtp.Outbound.Dkim;

/// <summary>
/// The BouncyCastle <see cref="ISigner"/> MimeKit feeds the canonicalized DKIM headers into, backed by .NET's
/// RSA (OpenSSL): PKCS#1 v1.5 over SHA-256 as RFC 6376 section 3.3.1 requires. The input is a few hundred bytes
/// of headers (the body hash is computed separately), so it is buffered and hashed once.
/// </summary>
internal sealed class NativeRsaSha256Signer(RSA rsa) : ISigner
{
    private readonly ArrayBufferWriter<byte> _data = new(1024);

    public string AlgorithmName => "SHA-256withRSA";

    public void Init(bool forSigning, ICipherParameters parameters)
    {
        if (!forSigning)
        {
            throw new NotSupportedException("this signer only signs");
        }
    }

    public void Update(byte input) => _data.Write(new ReadOnlySpan<byte>(in input));

    public void BlockUpdate(byte[] input, int inOff, int inLen) => _data.Write(input.AsSpan(inOff, inLen));

    public void BlockUpdate(ReadOnlySpan<byte> input) => _data.Write(input);

    public int GetMaxSignatureSize() => (rsa.KeySize + 7) / 8;

    public byte[] GenerateSignature()
    {
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(_data.WrittenSpan, digest);
        _data.Clear();
        return rsa.SignHash(digest, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
    }

    public bool VerifySignature(byte[] signature)
    {
        var valid = rsa.VerifyData(_data.WrittenSpan, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        _data.Clear();
        return valid;
    }

    public void Reset() => _data.Clear();
}
