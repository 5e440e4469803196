namespace Herald.Server.Api.Recipients;

/// <summary>The one answer to a verification request: it says nothing about whether the address exists.</summary>
public sealed record VerificationAnswer(string Status, string Detail)
{
    public static readonly VerificationAnswer Instance = new(
        "accepted",
        "If this address belongs to the recipient and is not verified yet, a verification email is on its way.");
}
