namespace Herald.Bounces;

/// <summary>Herald's small, stable set of failure stories, coarser than <see cref="Reason"/> and meant for people.</summary>
public enum Scenario
{
    Unknown,
    MailboxDoesNotExist,
    DomainDoesNotExist,
    MailboxFull,
    AccountDisabled,
    AutoResponder,
    SecurityGatewayBlock,
    Blocklisted,
    SenderAuthentication,
    ContentFlaggedAsSpam,
    RateLimited,
    MessageTooLarge,
    ServerUnreachable,
    PolicyBlock,
    Complaint,
}
