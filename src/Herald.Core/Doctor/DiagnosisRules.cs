using System.Globalization;
using Herald.Bounces;
using Herald.Core.Feedback;
using Herald.Core.Messages;

namespace Herald.Core.Doctor;

/// <summary>
/// The rules: facts in, ranked causes out, pure. Nothing is re-decided here: an address's standing comes from
/// <see cref="Deliverability.Of"/>, a problem's actor and steps from the classifier (through the ledger), a message's
/// status word from the store; the rules only say which of those facts explain missing mail, and in what order.
/// </summary>
public static class DiagnosisRules
{
    public static IReadOnlyList<Cause> Causes(DiagnosisFacts f)
    {
        var causes = new List<Cause>();
        if (f.AddressProblem is { } problem)
        {
            causes.Add(new Cause(CauseCodes.AddressInvalid, Actor.Recipient, $"'{f.Address}' is not an email address: it {problem}.",
                "Correct the address in the account settings."));
            return causes;
        }

        causes.AddRange(DomainCauses(f));
        causes.AddRange(StateCauses(f));
        return causes.OrderBy(c => c.Rank).ToList();
    }

    private static IEnumerable<Cause> DomainCauses(DiagnosisFacts f)
    {
        if (f.Domain is not { } d)
        {
            yield break;
        }

        var local = f.Address[..f.Address.LastIndexOf('@')];
        if (f.Typo is { } typo)
        {
            yield return new Cause(CauseCodes.TypoDomain, Actor.Recipient,
                $"{d.Domain} has no mail server; it looks like a typo of {typo}, which has one.",
                $"Did you mean {local}@{typo}? Change the address in the account settings.", Evidence(d));
        }

        switch (d.Routing)
        {
            case MailRouting.DomainNotFound when f.Typo is null:
                yield return new Cause(CauseCodes.DomainNotFound, Actor.Recipient, $"The domain {d.Domain} does not exist (NXDOMAIN): no mail can reach it.",
                    "Check the spelling of the address, or use another address.", Evidence(d));
                break;
            case MailRouting.NullMx:
                // RFC 7505 section 4.1: the owner publishes "MX 0 ." to say the domain receives no mail at all.
                yield return new Cause(CauseCodes.NullMx, Actor.Recipient, $"{d.Domain} declares that it accepts no email (null MX, RFC 7505).",
                    "Use another address: nothing sent to this domain is ever delivered.", Evidence(d));
                break;
            case MailRouting.NoMailServer when f.Typo is null:
                yield return new Cause(CauseCodes.NoMailServer, Actor.RecipientIt, $"{d.Domain} exists but has no mail server (no MX and no address record).",
                    $"The owner of {d.Domain} must publish MX records for it, or the recipient uses another address.", Evidence(d));
                break;
            case MailRouting.DnsFailure:
                yield return new Cause(CauseCodes.DnsFailure, Actor.RecipientIt, $"The DNS servers of {d.Domain} fail to answer where its mail goes (SERVFAIL).",
                    $"The IT department of {d.Domain} must fix its DNS (often an expired DNSSEC signature or a lame delegation); Herald retries meanwhile.", Evidence(d));
                break;
            case MailRouting.TimedOut:
                yield return new Cause(CauseCodes.DnsTimeout, Actor.RecipientIt, $"The DNS servers of {d.Domain} did not answer in time: nothing is known about its mail servers.",
                    $"Try again in a few minutes; if it persists, the IT department of {d.Domain} must check its DNS servers.", Evidence(d));
                break;
            case MailRouting.AddressFallback when f.Typo is null:
                // RFC 5321 section 5.1 allows it, but many senders and gateways do not deliver to an implicit MX.
                yield return new Cause(CauseCodes.ImplicitMx, Actor.RecipientIt, $"{d.Domain} has no MX record; mail relies on its address record (RFC 5321 5.1 implicit MX).",
                    $"The IT department of {d.Domain} should publish an MX record naming its mail server.", Evidence(d));
                break;
            default:
                break;
        }
    }

    private static IEnumerable<Cause> StateCauses(DiagnosisFacts f)
    {
        if (f.Deliverability is { Suspension: { } s } standing)
        {
            var operatorMade = s.Source == SuppressionSource.Operator;
            var next = operatorMade
                ? "An operator suspended it: ask support to lift the suspension."
                : standing.Unblock is { Allowed: true }
                    ? "Confirm the address is a real inbox, then unblock it in the email settings (the \"here\" link in the yellow box)."
                    : $"Unblocking is not possible now: {standing.Unblock?.Refusal}";
            yield return new Cause(CauseCodes.Suspended, operatorMade ? Actor.Sender : Actor.Recipient, $"Herald suspended this address: {s.Summary}", next, s.Evidence);
        }

        foreach (var incident in f.OpenIncidents)
        {
            yield return new Cause(CauseCodes.DomainIncident, Actor.RecipientIt,
                $"{incident.Addresses} addresses at {incident.Domain} hit the same block since {Time(incident.FirstAt)}: a problem of the domain, not of this address.",
                $"The IT department of {incident.Domain} must allow the sender: give them the allowlist kit (herald doctor {f.Address} --kit).", incident.Sample);
        }

        if (f.Deliverability?.Ledger.Problem is { } p && f.Deliverability.Suspension is null)
        {
            var steps = p.Actor == Actor.RecipientIt ? p.ItSteps : p.RecipientSteps;
            var next = steps.Count > 0 ? steps[0] : p.Actor == Actor.Nobody ? "Nothing to do: Herald retries by itself." : p.Summary;
            if (p.Actor == Actor.RecipientIt || p.Scenario is Scenario.SecurityGatewayBlock or Scenario.PolicyBlock)
            {
                next += $" The allowlist kit for their IT: herald doctor {f.Address} --kit.";
            }

            yield return new Cause(p.Actor == Actor.Nobody ? CauseCodes.Transient : CauseCodes.Blocked, p.Actor,
                (p.Named is { } named ? $"{named}: " : "") + p.Summary, next, p.Reply);
        }

        if (f.PreferencesOff.Count > 0)
        {
            yield return new Cause(CauseCodes.PreferenceOff, Actor.Recipient, $"Turned off in the email settings: {string.Join(", ", f.PreferencesOff)}.",
                "Turn them back on in the email settings to receive those emails.");
        }

        var expired = f.Messages.Where(m => m.Status == MessageStatus.Expired).ToList();
        var lastDelivery = f.LastDelivery;
        if (expired.Count > 0 && (lastDelivery is null || expired[0].CreatedAt > lastDelivery.CreatedAt))
        {
            yield return new Cause(CauseCodes.Expired, Actor.Sender,
                $"{expired.Count} recent message(s) expired undelivered after every retry (latest {expired[0].Id}, {Time(expired[0].CreatedAt)}).",
                "Fix the cause above, then send again from the application: an expired message is never retried.", expired[0].LastReply);
        }

        foreach (var m in f.Messages.Where(m => m.Status == MessageStatus.Deferred).Take(3))
        {
            yield return new Cause(CauseCodes.Deferred, Actor.Nobody, $"{m.Id} ({m.Type}) is delayed: the receiving server refused it for now.",
                $"Nothing to do yet: Herald tries again at {Time(m.NextAttemptAt ?? f.Now)}.", m.LastReply);
        }
    }

    private static string? Evidence(MailDomain d) =>
        d.Error is { } error ? $"{d.Domain}: {error}" : d.Routing == MailRouting.NullMx ? $"{d.Domain}. IN MX 0 ." : null;

    private static string Time(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
