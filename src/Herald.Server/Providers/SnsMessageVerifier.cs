using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Herald.Server.Providers;

/// <summary>
/// Verifies an SNS message as AWS documents it: known SignatureVersion (1 = SHA1withRSA, 2 = SHA256withRSA), an
/// allowed topic, a SigningCertURL on SNS, then the RSA PKCS#1 v1.5 signature over the canonical string.
/// Every cheap check runs before the certificate is fetched, so a forgery costs us no network request.
/// </summary>
internal sealed class SnsMessageVerifier(SesWebhookOptions options, ISigningCertificateSource certificates, TimeProvider time)
{
    private readonly HashSet<string> _topics = new(options.AllowedTopicArns, StringComparer.Ordinal);

    public async Task<VerificationResult> VerifyAsync(SnsMessage message, CancellationToken cancellationToken)
    {
        var algorithm = message.SignatureVersion switch
        {
            "1" => HashAlgorithmName.SHA1,
            "2" => HashAlgorithmName.SHA256,
            _ => default,
        };
        if (algorithm == default)
        {
            return VerificationResult.Rejected($"unknown SignatureVersion '{message.SignatureVersion}'");
        }

        if (message.Type is not (SnsMessage.Notification or SnsMessage.SubscriptionConfirmation or SnsMessage.UnsubscribeConfirmation))
        {
            return VerificationResult.Rejected("unknown message Type");
        }

        if (!_topics.Contains(message.TopicArn))
        {
            return VerificationResult.Rejected("topic is not allowed");
        }

        if (!SnsUrlPolicy.IsSigningCertUrl(message.SigningCertUrl))
        {
            return VerificationResult.Rejected("SigningCertURL is not an https sns.<region>.amazonaws.com .pem URL");
        }

        if (message.Type != SnsMessage.Notification && !SnsUrlPolicy.IsSubscribeUrl(message.SubscribeUrl))
        {
            return VerificationResult.Rejected("SubscribeURL is not an https sns.<region>.amazonaws.com URL");
        }

        var signed = SnsStringToSign.Build(message);
        if (signed is null)
        {
            return VerificationResult.Rejected("a field the signature covers is missing");
        }

        var signature = new byte[message.Signature.Length];
        if (!Convert.TryFromBase64String(message.Signature, signature, out var length))
        {
            return VerificationResult.Rejected("Signature is not base64");
        }

        using var certificate = await certificates.GetAsync(new Uri(message.SigningCertUrl), cancellationToken);
        if (certificate is null)
        {
            return VerificationResult.Unavailable("signing certificate could not be fetched");
        }

        var now = time.GetUtcNow();
        if (now < certificate.NotBefore.ToUniversalTime() || now > certificate.NotAfter.ToUniversalTime())
        {
            return VerificationResult.Rejected("signing certificate is not valid now");
        }

        using var key = certificate.GetRSAPublicKey();
        if (key is null)
        {
            return VerificationResult.Rejected("signing certificate has no RSA key");
        }

        return key.VerifyData(signed, signature.AsSpan(0, length), algorithm, RSASignaturePadding.Pkcs1)
            ? VerificationResult.Verified
            : VerificationResult.Rejected("signature does not match");
    }
}
