using Herald.Core.Delivery;
using Microsoft.Extensions.Options;
using MimeKit;
using MimeKit.Cryptography;

namespace Herald.Smtp.Outbound.Dkim;

/// <summary>Signs with the DKIM key of the message's From domain (RFC 6376), relaxed/relaxed; no key, no signature.</summary>
public sealed class DkimMessageSigner : IMessageSigner, IDisposable
{
    // RFC 6376 section 5.4.1's recommended set, plus the one-click unsubscribe pair: RFC 8058 section 4
    // requires List-Unsubscribe and List-Unsubscribe-Post to be covered by the DKIM signature.
    private static readonly string[] AlwaysSigned = ["From", "To", "Subject", "Date", "Message-ID", "MIME-Version", "Content-Type"];
    private static readonly string[] SignedWhenPresent = ["List-Unsubscribe", "List-Unsubscribe-Post"];

    private readonly Dictionary<string, DkimSigner> _signers = new(StringComparer.OrdinalIgnoreCase);

    public DkimMessageSigner(IOptions<DkimOptions> options, TimeProvider time)
    {
        foreach (var key in options.Value.Keys)
        {
            _signers[key.Domain] = Create(key, time);
        }
    }

    public void Sign(MimeMessage message)
    {
        var domain = message.From.Mailboxes.FirstOrDefault()?.Domain;
        if (domain is null || !_signers.TryGetValue(domain, out var signer))
        {
            return;
        }

        RemoveOwnSignatures(message, signer);
        BareCarriageReturns.Normalize(message);
        // Fix every byte the signature covers before signing. MimeKit adds MIME-Version only when writing, after
        // signing would have treated it as absent; and 8-bit bodies get QP/base64 now, because a relay without
        // 8BITMIME would re-encode them later and break the body hash (RFC 6376 section 5.3).
        if (!message.Headers.Contains(HeaderId.MimeVersion))
        {
            message.MimeVersion = new Version(1, 0);
        }

        message.Prepare(EncodingConstraint.SevenBit);
        var headers = AlwaysSigned.Concat(SignedWhenPresent.Where(h => message.Headers.Contains(h))).ToArray();
        signer.Sign(MailKitSmtpTransport.WireFormat, message, headers);
    }

    /// <summary>Idempotent: the container disposes this instance once per registration that hands it out.</summary>
    public void Dispose()
    {
        foreach (var signer in _signers.Values)
        {
            (signer as IDisposable)?.Dispose();
        }

        _signers.Clear();
    }

    /// <summary>
    /// A retry signs the same message again: drop our earlier signature so that it is replaced, not stacked
    /// (a stale t= and a second header for receivers to check).
    /// </summary>
    private static void RemoveOwnSignatures(MimeMessage message, DkimSigner signer)
    {
        var own = message.Headers
            .Where(h => h.Id == HeaderId.DkimSignature && IsFrom(h.Value, signer))
            .ToList();
        own.ForEach(h => message.Headers.Remove(h));
    }

    private static bool IsFrom(string signature, DkimSigner signer)
    {
        var tags = signature.Split(';', StringSplitOptions.TrimEntries)
            .Select(t => t.Split('=', 2, StringSplitOptions.TrimEntries))
            .Where(t => t.Length == 2)
            .ToLookup(t => t[0], t => t[1], StringComparer.OrdinalIgnoreCase);
        return string.Equals(tags["d"].FirstOrDefault(), signer.Domain, StringComparison.OrdinalIgnoreCase)
            && string.Equals(tags["s"].FirstOrDefault(), signer.Selector, StringComparison.OrdinalIgnoreCase);
    }

    internal static DkimSigner Create(DkimKeyOptions key, TimeProvider time)
    {
        var pem = key.LoadPem();
        DkimSigner signer = key.Algorithm.ToLowerInvariant() switch
        {
            "rsa-sha256" => new NativeRsaDkimSigner(pem, key.Domain, key.Selector, time),
            "ed25519-sha256" => new TimedDkimSigner(pem, key.Domain, key.Selector, DkimSignatureAlgorithm.Ed25519Sha256, time),
            _ => throw new InvalidOperationException($"DKIM algorithm '{key.Algorithm}' for {key.Domain}: use rsa-sha256 or ed25519-sha256"),
        };
        signer.HeaderCanonicalizationAlgorithm = DkimCanonicalizationAlgorithm.Relaxed;
        signer.BodyCanonicalizationAlgorithm = DkimCanonicalizationAlgorithm.Relaxed;
        return signer;
    }
}
