using Herald.Bounces.Rules;

namespace Herald.Bounces.Explanations;

/// <summary>
/// Herald's layer on top of the reason: the scenario, who must act, and what suppression should do.
/// Policy and reputation blocks are the sender's or the recipient's IT's business, never the recipient's
/// address: they hold mail, they never suspend the address (only non-existent addresses and complaints do).
/// </summary>
internal static class ScenarioRules
{
    public static (Scenario Scenario, Actor Actor, SuppressAdvice Suppress, string? Named) Decide(
        Reason reason, string lowered, bool temporary)
    {
        var blocklist = NamedParties.Blocklist(lowered);
        var gateway = NamedParties.Gateway(lowered);
        var greylisted = lowered.Contains("greylist", StringComparison.Ordinal) || lowered.Contains("graylist", StringComparison.Ordinal);
        if (greylisted && reason is not (Reason.UserUnknown or Reason.HostUnknown))
        {
            return (Scenario.RateLimited, Actor.Nobody, SuppressAdvice.Retry, null);
        }

        if (reason is not (Reason.Vacation or Reason.Feedback or Reason.Delivered) && Families.IsChallengeResponse(lowered))
        {
            // The recipient approves us (or we answer the challenge); no configuration is wrong anywhere.
            return (Scenario.PolicyBlock, Actor.Recipient, SuppressAdvice.Hold, Families.ChallengeResponseName);
        }

        // Policy-sounding reasons whose text says the domain or the mailbox does not exist: the address is bad, and
        // retrying it until the time to live runs out helps nobody.
        if (reason is Reason.Filtered or Reason.Rejected or Reason.SecurityError or Reason.PolicyViolation or Reason.Blocked
            or Reason.OnHold or Reason.Undefined or Reason.SystemError or Reason.NetworkError)
        {
            if (Families.IsMissingDomain(lowered) && blocklist is null)
            {
                return (Scenario.DomainDoesNotExist, Actor.Recipient, temporary ? SuppressAdvice.Retry : SuppressAdvice.Suspend, null);
            }

            if (Families.IsMissingMailbox(lowered) && blocklist is null && reason is not (Reason.NetworkError or Reason.SystemError))
            {
                return (Scenario.MailboxDoesNotExist, Actor.Recipient, temporary ? SuppressAdvice.Retry : SuppressAdvice.Suspend, null);
            }
        }

        switch (reason)
        {
            // A transient class (a delay, a 4.X.X that ran out of time) never suspends: the address may yet work.
            case Reason.UserUnknown or Reason.HasMoved:
                return (Scenario.MailboxDoesNotExist, Actor.Recipient, temporary ? SuppressAdvice.Retry : SuppressAdvice.Suspend, null);
            case Reason.HostUnknown:
                return (Scenario.DomainDoesNotExist, Actor.Recipient, temporary ? SuppressAdvice.Retry : SuppressAdvice.Suspend, null);
            case Reason.NotAccept:
                return temporary
                    ? (Scenario.ServerUnreachable, Actor.RecipientIt, SuppressAdvice.Retry, null)
                    : (Scenario.DomainDoesNotExist, Actor.Recipient, SuppressAdvice.Suspend, null);
            case Reason.MailboxFull:
                return (Scenario.MailboxFull, Actor.Recipient, SuppressAdvice.Retry, null);
            case Reason.Suspend:
                return (Scenario.AccountDisabled, Actor.Recipient, SuppressAdvice.Hold, null);
            case Reason.Vacation:
                return (Scenario.AutoResponder, Actor.Nobody, SuppressAdvice.None, null);
            case Reason.Feedback:
                return (Scenario.Complaint, Actor.Recipient, SuppressAdvice.Suspend, null);
            case Reason.AuthFailure or Reason.RequirePtr:
                return (Scenario.SenderAuthentication, Actor.Sender, SuppressAdvice.Hold, null);
            case Reason.MesgTooBig or Reason.ExceedLimit:
                return (Scenario.MessageTooLarge, Actor.Sender, SuppressAdvice.Hold, null);
            case Reason.TooManyConn or Reason.Speeding:
                return (Scenario.RateLimited, Actor.Nobody, SuppressAdvice.Retry, null);
            case Reason.Expired or Reason.NetworkError or Reason.SystemError or Reason.SystemFull or Reason.MailerError
                or Reason.FailedStartTls:
                return (Scenario.ServerUnreachable, Actor.Nobody, SuppressAdvice.Retry, null);
            case Reason.Delivered:
                return (Scenario.Unknown, Actor.Nobody, SuppressAdvice.None, null);
            case Reason.OnHold or Reason.Undefined or Reason.SyntaxError or Reason.Suppressed:
                // A refusal too vague for a reason can still name who refused: "... mimecast.com ..." is the help
                // article's Scenario 1, a security gateway the recipient's IT runs, whatever the reason code says.
                // A reputation list a gateway vendor runs (Barracuda's BRBL) is a list about us, not their gateway.
                if (blocklist is not null)
                {
                    return (Scenario.Blocklisted, Actor.Sender, temporary ? SuppressAdvice.Retry : SuppressAdvice.Hold, blocklist);
                }

                return gateway is not null
                    ? (Scenario.SecurityGatewayBlock, Actor.RecipientIt, temporary ? SuppressAdvice.Retry : SuppressAdvice.Hold, gateway)
                    : (Scenario.Unknown, Actor.Nobody, temporary ? SuppressAdvice.Retry : SuppressAdvice.Hold, null);
        }

        // Blocks: blocked, badreputation, rejected, spamdetected, virusdetected, contenterror, notcompliantrfc,
        // policyviolation, securityerror, filtered, norelaying.
        if (blocklist is not null && reason is Reason.Blocked or Reason.BadReputation or Reason.Rejected or Reason.SpamDetected
            or Reason.SecurityError or Reason.PolicyViolation or Reason.Filtered)
        {
            return (Scenario.Blocklisted, Actor.Sender, temporary ? SuppressAdvice.Retry : SuppressAdvice.Hold, blocklist);
        }

        if (gateway is not null)
        {
            return (Scenario.SecurityGatewayBlock, Actor.RecipientIt, SuppressAdvice.Hold, gateway);
        }

        if (Families.IsRateLimit(new Rules.PhraseMatcher(lowered)))
        {
            return (Scenario.RateLimited, Actor.Nobody, SuppressAdvice.Retry, null);
        }

        if (reason is Reason.SpamDetected or Reason.VirusDetected)
        {
            return (Scenario.ContentFlaggedAsSpam, Actor.Sender, SuppressAdvice.Hold, null);
        }

        if (Needles.ContainsAny(lowered, "spf", "dkim", "dmarc"))
        {
            return (Scenario.SenderAuthentication, Actor.Sender, SuppressAdvice.Hold, null);
        }

        return reason switch
        {
            Reason.SpamDetected or Reason.VirusDetected or Reason.ContentError or Reason.NotCompliantRfc =>
                (Scenario.ContentFlaggedAsSpam, Actor.Sender, SuppressAdvice.Hold, null),
            Reason.Blocked or Reason.BadReputation =>
                (Scenario.Blocklisted, Actor.Sender, temporary ? SuppressAdvice.Retry : SuppressAdvice.Hold, null),
            Reason.Rejected => (Scenario.PolicyBlock, Actor.Sender, SuppressAdvice.Hold, null),
            _ => (Scenario.PolicyBlock, Actor.RecipientIt, SuppressAdvice.Hold, null),
        };
    }

}
