namespace Herald.Core.Recipients;

/// <summary>
/// The outcome of using a verification token or code. Every refusal is the same value on purpose: the page and
/// the API never tell an expired token from a used, replaced or forged one.
/// </summary>
public abstract record VerificationRedemption
{
    private VerificationRedemption() { }

    public sealed record Verified(string RecipientId, string Address, DateTimeOffset At) : VerificationRedemption;

    public sealed record Refused : VerificationRedemption;
}
