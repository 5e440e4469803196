namespace Herald.Bounces;

/// <summary>
/// The one table of facts per <see cref="Scenario"/>: hard or soft, whose fault, and whether a permanent (5xx) reply
/// still ends delivery. Delivery (retry or fail), suppression (suspend, count, record) and domain incidents all read
/// this table; none keeps a list of its own.
/// </summary>
/// <param name="Scenario">The scenario these facts are about.</param>
/// <param name="Hard">The address can never receive mail: suspend it at once when the failure is final.</param>
/// <param name="Fault">Whose doing it is; only <see cref="Fault.Address"/> ever counts against the address.</param>
/// <param name="RetryPermanentReply">
/// A 5xx of this kind is retried within the message's time to live instead of failing it: gateway, blocklist and
/// authentication blocks are often lifted within hours (an allow-list entry, a delisting, a DNS fix), and a sign-in
/// code that arrives an hour late is better than one never sent. Policy and content refusals are answered the same
/// way on every retry of the same message, so they fail at once.
/// </param>
public sealed record ScenarioFacts(Scenario Scenario, bool Hard, Fault Fault, bool RetryPermanentReply)
{
    // Indexed by the enum's value (checked below): no dictionary to build, whose generic code the precompiled image
    // lacks and a one-shot command would JIT-compile first (issue 14, start-up).
    private static readonly ScenarioFacts[] Table = Indexed(new ScenarioFacts[]
    {
        new(Scenario.Unknown, Hard: false, Fault.Nobody, RetryPermanentReply: false),
        new(Scenario.MailboxDoesNotExist, Hard: true, Fault.Address, RetryPermanentReply: false),
        new(Scenario.DomainDoesNotExist, Hard: true, Fault.Address, RetryPermanentReply: false),
        new(Scenario.MailboxFull, Hard: false, Fault.Address, RetryPermanentReply: false),
        new(Scenario.AccountDisabled, Hard: false, Fault.Address, RetryPermanentReply: false),
        new(Scenario.AutoResponder, Hard: false, Fault.Nobody, RetryPermanentReply: false),
        new(Scenario.SecurityGatewayBlock, Hard: false, Fault.Block, RetryPermanentReply: true),
        new(Scenario.Blocklisted, Hard: false, Fault.Block, RetryPermanentReply: true),
        new(Scenario.SenderAuthentication, Hard: false, Fault.Block, RetryPermanentReply: true),
        new(Scenario.ContentFlaggedAsSpam, Hard: false, Fault.Block, RetryPermanentReply: false),
        new(Scenario.PolicyBlock, Hard: false, Fault.Block, RetryPermanentReply: false),
        new(Scenario.RateLimited, Hard: false, Fault.Nobody, RetryPermanentReply: false),
        new(Scenario.MessageTooLarge, Hard: false, Fault.Sender, RetryPermanentReply: false),
        new(Scenario.ServerUnreachable, Hard: false, Fault.Nobody, RetryPermanentReply: false),
        new(Scenario.Complaint, Hard: false, Fault.Address, RetryPermanentReply: false),
    });

    /// <summary>The facts of <paramref name="scenario"/>.</summary>
    public static ScenarioFacts Of(Scenario scenario) => Table[(int)scenario];

    private static ScenarioFacts[] Indexed(ScenarioFacts[] facts)
    {
        var table = new ScenarioFacts[facts.Length];
        foreach (var f in facts)
        {
            table[(int)f.Scenario] = f;
        }

        return Array.TrueForAll(table, f => f is not null) ? table : throw new InvalidOperationException("a scenario without facts");
    }

    /// <summary>A block that can hit every address of a domain at once (a domain incident, not one address's problem).</summary>
    public bool IsBlock => Fault == Fault.Block;

    /// <summary>
    /// A soft failure of the address itself (full or disabled mailbox): it counts towards a temporary suspension when
    /// it persists, where blocks and server trouble never do.
    /// </summary>
    public bool CountsAgainstAddress => Fault == Fault.Address && !Hard && Scenario != Scenario.Complaint;
}
