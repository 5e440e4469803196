namespace Herald.Server.Recipients;

/// <summary>The <c>Herald:Recipients</c> section, plus <c>Herald:PublicUrl</c> and <c>Herald:Secrets:TokenKey</c>.</summary>
public sealed class RecipientsOptions
{
    /// <summary>
    /// The base of links in emails (unsubscribe, verification), e.g. <c>https://herald.example.com</c>. When not set,
    /// the server's own first listening address is used, which is right for development only.
    /// </summary>
    public string? PublicUrl { get; set; }

    /// <summary>The HMAC key of unsubscribe links and verification tokens (at least 32 characters); generated under the data directory when not set.</summary>
    public string? TokenKey { get; set; }

    /// <summary>Optional mailbox for the <c>mailto:</c> form of List-Unsubscribe (RFC 2369), e.g. <c>unsubscribe@example.com</c>.</summary>
    public string? UnsubscribeMailto { get; set; }

    public TimeSpan VerificationLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>At most this many verification emails per address per <see cref="VerificationResendWindow"/>.</summary>
    public int VerificationResendLimit { get; set; } = 5;

    public TimeSpan VerificationResendWindow { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The catalogue type sent to verify a recipient's primary address.</summary>
    public string PrimaryVerificationType { get; set; } = "account-validation";

    /// <summary>The catalogue type sent to verify a secondary login.</summary>
    public string SecondaryVerificationType { get; set; } = "secondary-login-validation";
}
