namespace Herald.Bounces.Explanations;

/// <summary>Plain-language explanations per scenario, for people who do not read SMTP.</summary>
internal static class ExplanationWriter
{
    /// <param name="scenario">The story to tell.</param>
    /// <param name="recipient">The failed address, named in the text.</param>
    /// <param name="named">The gateway or blocklist the reply names, if any.</param>
    /// <param name="delayed">The sender is still trying: the story is a delay, never a failure that gave up.</param>
    /// <param name="dns">The text is about DNS (an MX lookup), so an unreachable server is explained as DNS trouble.</param>
    public static Explanation Write(Scenario scenario, string recipient, string? named, bool delayed, bool dns)
    {
        var domain = recipient.Contains('@', StringComparison.Ordinal) ? recipient[(recipient.LastIndexOf('@') + 1)..] : "the recipient's domain";
        var who = string.IsNullOrEmpty(recipient) ? "the recipient" : recipient;
        var story = Story(scenario, who, domain, named, dns);
        return delayed && scenario != Scenario.AutoResponder
            ? story with
            {
                Summary = $"Delivery to {who} is delayed: it has not failed yet, and the sending server is still trying. "
                    + "The latest attempt: " + char.ToLowerInvariant(story.Summary[0]) + story.Summary[1..],
            }
            : story;
    }

    private static Explanation Story(Scenario scenario, string who, string domain, string? named, bool dns)
    {
        if (scenario == Scenario.PolicyBlock && named == Families.ChallengeResponseName)
        {
            return new($"{who} uses a challenge-response system: it holds our message until the sender is approved.",
                ["Approve our sending address in your challenge-response system (or add it to your contacts) to receive our mail."],
                ["Nothing to configure; the recipient approves the sender in their challenge-response system."]);
        }

        if (scenario == Scenario.ServerUnreachable && dns)
        {
            return new($"We could not find the mail server of {domain} in DNS (the MX lookup failed), so the message to {who} could not be handed over.",
                ["Nothing is wrong with your address as far as we know; check that your domain's DNS is working."],
                [$"Check the DNS of {domain}: its name servers must answer and its MX records must point to reachable mail servers."]);
        }

        return scenario switch
        {
            Scenario.MailboxDoesNotExist => new($"The address {who} does not exist at {domain}: the receiving server said there is no such mailbox.",
                ["Check the spelling of the address, or give us your current email address."],
                ["Confirm whether this mailbox was removed or renamed; if it should exist, check the user directory."]),
            Scenario.DomainDoesNotExist => new($"The domain {domain} does not exist or does not accept email, so nothing can be delivered to {who}.",
                ["Check the part of the address after the @; it may be misspelled or no longer in use."],
                [$"Check that {domain} has valid MX records in DNS (and no null MX)."]),
            Scenario.MailboxFull => new($"The mailbox {who} is full, so the receiving server refused new mail for now.",
                ["Delete or archive old messages to free space; we will try again."],
                ["Raise the mailbox quota or check the storage of the mail server."]),
            Scenario.AccountDisabled => new($"The mailbox {who} exists but is disabled or suspended.",
                ["If you still use this address, ask your email provider to re-enable it; otherwise give us a new address."],
                ["Check whether the account is disabled, archived or locked, and re-enable it if it should receive mail."]),
            Scenario.AutoResponder => new($"This was an automatic reply (out of office or vacation) from {who}: our message was delivered, nothing failed and nothing is retried.",
                ["Nothing to do."], ["Nothing to do."]),
            Scenario.SecurityGatewayBlock => new($"Your company's email security service ({named ?? "a security gateway"}) blocked our message to {who}.",
                ["Ask your IT team to allow mail from our sending domain and servers, then ask us to send again."],
                [$"Look up the message in the {named ?? "gateway"} logs and add our sending domain or IP to the allow list."]),
            Scenario.Blocklisted => new($"The receiving server refused our message because our sending IP or domain is listed by {named ?? "a reputation blocklist"}, a third-party reputation list that the recipient's mail system uses.",
                ["Nothing is wrong with your address. You can ask your IT team to allow mail from us."],
                [$"Our mail was refused because of a third-party reputation list ({named ?? "a blocklist"}). Please allow-list our sending domain, or tell us if the listing looks wrong."]),
            Scenario.SenderAuthentication => new("The receiving server could not verify that we are allowed to send this mail (SPF, DKIM, DMARC or reverse DNS).",
                ["Nothing is wrong with your address; we have to fix this on our side."],
                ["If you run custom SPF/DMARC rules, check they accept mail from our sending domain; otherwise no action is needed."]),
            Scenario.ContentFlaggedAsSpam => new("The receiving server's filters judged the content of our message to be spam or unsafe.",
                ["Nothing is wrong with your address. If you expected this message, ask your IT team to allow mail from us."],
                ["Check the spam filter verdict for this message and allow-list our sending domain if the mail is wanted."]),
            Scenario.RateLimited => new("The receiving server asked us to slow down or to try again later (rate limit or greylisting). We will retry automatically.",
                ["Nothing to do; the message should arrive after a retry."], ["Nothing to do unless this keeps happening."]),
            Scenario.MessageTooLarge => new("The message was larger than the receiving server accepts.",
                ["Nothing is wrong with your address."], ["Check the maximum message size on your mail server if large messages are expected."]),
            Scenario.ServerUnreachable => new($"We could not hand the message to the mail server of {domain} (it did not answer, or kept failing).",
                ["Nothing is wrong with your address as far as we know; we will retry or you can ask us to send again."],
                [$"Check that the mail servers of {domain} are reachable and accept connections on port 25."]),
            Scenario.PolicyBlock => new($"The receiving mail system refused our message to {who} because of a local policy.",
                ["Ask your IT team whether mail from us is allowed."],
                ["Check your mail system's policy rules (sender restrictions, relay rules) and allow mail from our sending domain."]),
            Scenario.Complaint => new($"{who} marked our message as spam (a complaint via their mailbox provider's feedback loop).",
                ["We will stop sending to you; contact us if that was a mistake."], ["Nothing to do."]),
            _ => new("The message was not delivered and the receiving server did not say clearly why.",
                ["If this keeps happening, tell us; we will look at the details."],
                ["Look up the message in your mail server logs to find why it was refused."]),
        };
    }
}
