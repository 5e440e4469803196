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

        switch (reason)
        {
            case Reason.UserUnknown or Reason.HasMoved:
                return (Scenario.MailboxDoesNotExist, Actor.Recipient, SuppressAdvice.Suspend, null);
            case Reason.HostUnknown:
                return (Scenario.DomainDoesNotExist, Actor.Recipient, SuppressAdvice.Suspend, null);
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

        if (ContainsAny(lowered, "spf", "dkim", "dmarc"))
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

    private static bool ContainsAny(string text, params string[] needles)
    {
        foreach (var needle in needles)
        {
            if (text.Contains(needle, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
