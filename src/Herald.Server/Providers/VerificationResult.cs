namespace Herald.Server.Providers;

/// <summary>Outcome of checking a webhook's authenticity; <see cref="Reason"/> is for logs, never secret.</summary>
public sealed record VerificationResult(VerificationOutcome Outcome, string? Reason = null)
{
    public static VerificationResult Verified { get; } = new(VerificationOutcome.Verified);

    public bool IsVerified => Outcome == VerificationOutcome.Verified;

    public static VerificationResult Rejected(string reason) => new(VerificationOutcome.Rejected, reason);

    public static VerificationResult Unavailable(string reason) => new(VerificationOutcome.Unavailable, reason);
}
