using System.Text.Json;
using Herald.Core.Catalogue;
using Herald.Core.Messages;
using Herald.Core.Recipients;

namespace Herald.Server.Recipients;

/// <summary>
/// Sends verification emails and redeems their tokens. A token is single-use, expires, is stored only as a keyed
/// hash, and a newer one replaces the older; requests are rate-limited per address whether or not it exists.
/// </summary>
internal sealed class Verifications(
    IRecipientStore store,
    TokenSigner signer,
    PublicUrls urls,
    RecipientsOptions options,
    NotificationCatalogue catalogue,
    MessageIntake intake,
    TimeProvider time)
{
    public async Task<VerificationRequest> RequestAsync(string recipientId, string address, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (!await store.TryCountVerificationRequestAsync(address, now, options.VerificationResendWindow, options.VerificationResendLimit, cancellationToken))
        {
            return new VerificationRequest.RateLimited(options.VerificationResendWindow);
        }

        var recipient = await store.GetAsync(recipientId, cancellationToken);
        if (recipient?.Find(address) is { VerifiedAt: null } contact)
        {
            await SendAsync(recipient, contact, now, cancellationToken);
        }

        return new VerificationRequest.Accepted();
    }

    public Task<VerificationRedemption> RedeemTokenAsync(string token, CancellationToken cancellationToken) =>
        token.Length is < 20 or > 200
            ? Task.FromResult<VerificationRedemption>(new VerificationRedemption.Refused())
            : store.RedeemTokenAsync(signer.HashToken(token), time.GetUtcNow(), cancellationToken);

    public Task<VerificationRedemption> RedeemCodeAsync(string recipientId, string address, string code, CancellationToken cancellationToken) =>
        store.RedeemCodeAsync(recipientId, address, signer.HashCode(recipientId, address, code), time.GetUtcNow(), cancellationToken);

    private async Task SendAsync(Recipient recipient, ContactAddress contact, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var primary = recipient.Primary;
        var typeKey = contact.IsPrimary || primary is null ? options.PrimaryVerificationType : options.SecondaryVerificationType;
        var type = catalogue.Find(typeKey)
            ?? throw new InvalidOperationException($"Herald:Recipients: verification type '{typeKey}' is not in the catalogue");

        var token = TokenSigner.NewVerificationToken();
        var code = type.Fields.ContainsKey("code") ? TokenSigner.NewCode() : null;
        var data = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (field, value) in new[] { ("link", urls.Verify(token)), ("code", code), ("primary", primary?.Address) })
        {
            if (value is not null && type.Fields.ContainsKey(field))
            {
                data[field] = value;
            }
        }

        // The token is stored before the email exists, so the link works as soon as it arrives.
        await store.IssueVerificationAsync(recipient.Id, contact.Address, signer.HashToken(token),
            code is null ? null : signer.HashCode(recipient.Id, contact.Address, code), now + options.VerificationLifetime, now, cancellationToken);
        var setting = contact.IsPrimary || primary is null ? "Herald:Recipients:PrimaryVerificationType" : "Herald:Recipients:SecondaryVerificationType";
        await intake.SubmitOwnAsync(new SubmitRequest(type.Key, contact.Address, JsonSerializer.SerializeToElement(data), null),
            $"verification of this address for recipient {recipient.Id}", setting, cancellationToken);
    }
}
