namespace Herald.Server.Recipients;

/// <summary>
/// The answer to "send a verification email". It is the same whether or not the address exists, belongs to the
/// recipient or is already verified, so the endpoint cannot be used to find out who has an account.
/// </summary>
public abstract record VerificationRequest
{
    private VerificationRequest() { }

    public sealed record Accepted : VerificationRequest;

    public sealed record RateLimited(TimeSpan RetryAfter) : VerificationRequest;
}
