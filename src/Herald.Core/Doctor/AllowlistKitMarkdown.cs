using System.Globalization;
using System.Text;

namespace Herald.Core.Doctor;

/// <summary>The kit as Markdown, to paste into a ticket for the recipient's IT department.</summary>
public static class AllowlistKitMarkdown
{
    public static string Write(AllowlistKit kit)
    {
        var text = new StringBuilder();
        var domain = kit.Domain?.Domain ?? kit.Address[(kit.Address.LastIndexOf('@') + 1)..];
        text.AppendLine(CultureInfo.InvariantCulture, $"# Allowlist request for {domain}").AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Our notification emails to {kit.Address} are not arriving. Please allow the sender below; nothing else needs to change.").AppendLine();
        text.AppendLine("## What to allow").AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"- From domains (the sender people see): {Codes(kit.FromDomains)}");
        text.AppendLine(CultureInfo.InvariantCulture, $"- Envelope (bounce) domain, the SMTP MAIL FROM: `{kit.EnvelopeDomain}`");
        if (kit.IsDkimSigned)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"- DKIM signing domains (d=): {Codes(kit.DkimDomains)}");
        }

        if (kit.SendingHosts.Count > 0)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"- Sending hosts and IP addresses: {Codes(kit.SendingHosts)}");
        }

        text.AppendLine().AppendLine(kit.IsDkimSigned
            ? "The messages carry a DKIM signature for the domains above: an allow rule can require it to pass."
            : "The messages are not DKIM-signed: allow by the domains above" + (kit.SendingHosts.Count > 0 ? " and the sending addresses." : "."));
        text.AppendLine().AppendLine("## Where").AppendLine();
        if (kit.WhereToAllow.Count == 0)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"The mail servers of {domain} ({Hosts(kit.Domain)}) belong to no gateway or provider we recognise: use your mail filter's sender allow list.");
        }

        foreach (var host in kit.WhereToAllow)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"- **{host.Name}** ({(host.Kind == MailHostKind.Gateway ? "security gateway" : "mailbox provider")}, seen in the MX records: {Hosts(kit.Domain)}): {host.AllowAt}.");
        }

        if (kit.Problem is { } p)
        {
            text.AppendLine().AppendLine("## The refusal, exactly as received").AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"Received {p.At.UtcDateTime:yyyy-MM-dd HH:mm} UTC{(p.Named is { } n ? $", naming {n}" : "")}:").AppendLine();
            text.AppendLine("```").AppendLine(p.Reply).AppendLine("```");
        }

        return text.ToString();
    }

    private static string Codes(IReadOnlyList<string> values) => values.Count == 0 ? "(none)" : string.Join(", ", values.Select(v => $"`{v}`"));

    private static string Hosts(MailDomain? domain) => domain is { MxHosts.Count: > 0 } ? string.Join(", ", domain.MxHosts) : "no MX";
}
