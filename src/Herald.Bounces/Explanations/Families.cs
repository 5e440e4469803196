using Herald.Bounces.Rules;

namespace Herald.Bounces.Explanations;

/// <summary>
/// Families of replies whose story the reason name alone gets wrong (issue 14). Each answers from the reply text, so
/// that the reason can stay in Sisimai's vocabulary while the scenario says what happened.
/// </summary>
internal static class Families
{
    // Challenge-response systems hold mail until a person approves the sender (Boxbe, SpamArrest, MailChallenge):
    // nothing to fix in anyone's configuration; the recipient, or we by answering the challenge, release it.
    private static readonly string[] ChallengeResponse =
    [
        "approve this sender", "approve the sender", "challenge-response", "challenge response", "confirm you are a human",
        "verify you are a human", "prove you are a human", "boxbe", "spamarrest", "mailchallenge", "sender verification request",
        "awaiting your confirmation", "pending approval by the recipient",
    ];

    // A recipient that does not exist, worded so that Sisimai's vocabulary files it under a policy reason ("filtered"
    // after DATA, "rejected", "securityerror" for Exchange Online's 5.4.1 "Access denied", which Microsoft documents
    // as directory-based edge blocking: the recipient is not in the directory).
    private static readonly string[] MissingMailbox =
    [
        "does not exist here", "not an active address", "user not found", "recipient address rejected: access denied",
        "no such user", "no such mailbox", "unknown user", "user unknown", "mailbox not found", "address does not exist",
    ];

    private static readonly string[] DnsWords = ["dns", " mx ", "mx record", "mx lookup", "name server", "nxdomain", "servfail"];

    public const string ChallengeResponseName = "a challenge-response system";

    public static bool IsChallengeResponse(string lowered) => Needles.ContainsAny(lowered, ChallengeResponse);

    /// <summary>A domain that does not exist in DNS (Exchange Online 5.4.310 "DNS domain ... does not exist").</summary>
    public static bool IsMissingDomain(string lowered) =>
        (lowered.Contains("dns domain", StringComparison.Ordinal) && lowered.Contains("does not exist", StringComparison.Ordinal))
        || lowered.Contains("5.4.310", StringComparison.Ordinal) || lowered.Contains("domain does not exist", StringComparison.Ordinal)
        || lowered.Contains("host or domain name not found", StringComparison.Ordinal);

    public static bool IsMissingMailbox(string lowered) => !IsMissingDomain(lowered) && Needles.ContainsAny(lowered, MissingMailbox);

    /// <summary>A rate limit, however it is worded: it stays a rate limit even when the text also mentions SPF or DKIM.</summary>
    public static bool IsRateLimit(PhraseMatcher text) =>
        text.Has(Reason.Speeding) || text.Has(Reason.TooManyConn)
        || Needles.ContainsAny(text.Text, ["rate limit", "too many messages", "too fast", "sending rate", "unusual rate"]);

    public static bool IsDns(string lowered) => Needles.ContainsAny(lowered, DnsWords);

}
