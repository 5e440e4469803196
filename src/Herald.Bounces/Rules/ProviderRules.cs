using System.Reflection;
using System.Text.RegularExpressions;
using Herald.Bounces.Readers;

namespace Herald.Bounces.Rules;

/// <summary>
/// Reasons that a provider's (or an MTA family's) own wording decides, read from Rules/provider-rules.tsv.
/// A provider applies when the recipient's domain or the remote MTA belongs to it; its documented error codes
/// and phrases then win over the generic reading of the status code.
/// </summary>
internal static class ProviderRules
{
    private sealed record Rule(string Scope, char Class, Reason Reason, string[] Parts);

    // A class, not a (Lazy<Regex>, bool) tuple: a dictionary of a struct value is a framework generic over that struct,
    // which no ReadyToRun image holds, so every `herald` call JIT-compiled its methods (ReasonTable).
    private sealed record Label(Lazy<Regex> Pattern, bool StatusWins);

    private static readonly List<(string Provider, string Suffix)> Hosts = [];
    // Built on first use, so a one-shot `herald explain` for a provider without labels does not pay for them. The
    // interpreter, not RegexOptions.NonBacktracking: the non-backtracking engine's generic code is not in the
    // framework's precompiled image, and a `herald classify` batch JIT-compiled 126 of its methods at full optimisation
    // (DOTNET_JitDisasmSummary=1), about a third of the batch's fixed cost. The four label patterns have no nested
    // quantifier and read at most 4,096 characters, and the timeout bounds what a hostile text could make them do.
    private static readonly Dictionary<string, Label> Labels = new(StringComparer.Ordinal);
    private static readonly TimeSpan LabelTimeout = TimeSpan.FromMilliseconds(200);
    // Provider, then its documented code: not a dictionary keyed by a (string, string) tuple, for the same reason as Label.
    private static readonly Dictionary<string, ReasonTable> Codes = new(StringComparer.Ordinal);
    private static readonly List<Rule> Rules = [];
    private static System.Buffers.SearchValues<string>? _anywhereFirstParts;

    static ProviderRules()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Herald.Bounces.Rules.provider-rules.tsv")
            ?? throw new InvalidOperationException("embedded table provider-rules.tsv is missing");
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var c = line.Split('\t');
            switch (c[0])
            {
                case "host":
                    Hosts.Add((c[1], c[2]));
                    break;
                case "label":
                    var pattern = c[2];
                    Labels[c[1]] = new Label(new Lazy<Regex>(() => new Regex(pattern, RegexOptions.CultureInvariant, LabelTimeout)),
                        c.Length > 3 && c[3] == "status");
                    break;
                case "code":
                    if (!Codes.TryGetValue(c[1], out var codes))
                    {
                        Codes[c[1]] = codes = new ReasonTable();
                    }

                    codes[c[2]] = Parse(c[3]);
                    break;
                case "rule":
                    Rules.Add(new Rule(c[1], c[2][0], Parse(c[3]), c[4..]));
                    break;
            }
        }
    }

    /// <summary>The reason of the first of the provider's labels in the text that it documents; null when none is.</summary>
    private static Reason? LabelCode(Regex pattern, string provider, string lowered)
    {
        if (!Codes.TryGetValue(provider, out var codes))
        {
            return null;
        }

        var text = lowered.Length > 4096 ? lowered[..4096] : lowered;
        try
        {
            for (var m = pattern.Match(text); m.Success; m = m.NextMatch())
            {
                if (codes.TryGetValue(m.Groups[1].Value, out var byCode))
                {
                    return byCode;
                }
            }
        }
        catch (RegexMatchTimeoutException)
        {
            // Text built to make the pattern backtrack is no provider's label: read it without one.
        }

        return null;
    }

    /// <summary>The provider's reason, and whether it is final (a generic status reason may still be refined).</summary>
    public static (Reason Reason, bool Final)? Find(Fact fact, string lowered)
    {
        if (lowered.Length == 0)
        {
            return null;
        }

        var provider = Provider(fact);
        var cls = fact.Status.Length > 0 ? fact.Status[0] : fact.ReplyCode.Length > 0 ? fact.ReplyCode[0] : ' ';
        if (provider is not null && Labels.TryGetValue(provider, out var label) && LabelCode(label.Pattern.Value, provider, lowered) is { } byCode)
        {
            // Gmail: a specific status code in the relayed reply says more than the session state.
            var byStatus = StatusCodes.NameOf(fact.Status);
            return label.StatusWins && byStatus is { } specific && !fact.Status.Contains(".0", StringComparison.Ordinal)
                ? (specific, specific is not (Reason.SecurityError or Reason.SystemError or Reason.Expired or Reason.NetworkError))
                : (byCode, true);
        }

        foreach (var pass in new[] { provider, "*" })
        {
            if (pass is null)
            {
                continue;
            }

            if (pass == "*" && !lowered.AsSpan().ContainsAny(AnywhereFirstParts()))
            {
                continue;
            }

            foreach (var rule in Rules)
            {
                if (rule.Scope == pass && ClassMatches(rule.Class, cls, fact) && CommandMatches(rule.Parts, fact)
                    && PhraseTable.Aligned(lowered, rule.Parts.Length > 0 && rule.Parts[0].StartsWith("cmd=", StringComparison.Ordinal) ? rule.Parts[1..] : rule.Parts))
                {
                    return (rule.Reason, true);
                }
            }
        }

        return null;
    }

    // CLASS '?' applies only where the status code does not already name a specific reason (e.g. 4.2.2).
    private static bool ClassMatches(char rule, char cls, Fact fact) => rule switch
    {
        '*' => true,
        '?' => StatusCodes.NameOf(fact.Status) is null or Reason.Expired or Reason.NetworkError or Reason.SystemError or Reason.SecurityError,
        _ => rule == cls,
    };

    // A first part "cmd=DATA" requires the failure to answer that SMTP command.
    private static bool CommandMatches(string[] parts, Fact fact) =>
        parts.Length == 0 || !parts[0].StartsWith("cmd=", StringComparison.Ordinal) || parts[0].AsSpan(4).SequenceEqual(fact.Command);

    // The first parts of the rules for "*": most texts contain none of them, and one vectorized scan says so.
    private static System.Buffers.SearchValues<string> AnywhereFirstParts() =>
        _anywhereFirstParts ??= System.Buffers.SearchValues.Create(
            [.. Rules.Where(r => r.Scope == "*").Select(r => r.Parts[0]).Where(p => p.Length > 0 && !p.StartsWith("cmd=", StringComparison.Ordinal)).Distinct()], StringComparison.Ordinal);

    private static string? Provider(Fact fact)
    {
        var at = fact.Recipient.LastIndexOf('@');
        var domain = at >= 0 ? fact.Recipient.AsSpan(at + 1) : [];
        foreach (var (provider, suffix) in Hosts)
        {
            // "kijitora@ezweb.ne.jp" belongs to ".ezweb.ne.jp"; "x@mail.example.jp" would not belong to ".example.jp".
            if (domain.Length > 0 && (DotSuffix(domain, suffix) || (suffix.Length > domain.Length && suffix.AsSpan().EndsWith(domain, StringComparison.OrdinalIgnoreCase) && suffix[^(domain.Length + 1)] == '.')))
            {
                return provider;
            }
        }

        foreach (var host in new[] { fact.RemoteMta, fact.ReportingMta })
        {
            foreach (var (provider, suffix) in Hosts)
            {
                if (host.Length > 0 && DotSuffix(host, suffix))
                {
                    return provider;
                }
            }
        }

        return null;
    }

    // True when "." + host ends with the suffix (suffixes start with "." or are whole host names).
    private static bool DotSuffix(ReadOnlySpan<char> host, string suffix) =>
        suffix[0] == '.'
            ? host.EndsWith(suffix, StringComparison.OrdinalIgnoreCase) || host.Equals(suffix.AsSpan(1), StringComparison.OrdinalIgnoreCase)
            : host.EndsWith(suffix, StringComparison.OrdinalIgnoreCase) && (host.Length == suffix.Length || host[^(suffix.Length + 1)] == '.');

    private static Reason Parse(string name) =>
        ReasonNames.TryParse(name, out var reason) ? reason : throw new InvalidOperationException($"unknown reason '{name}' in provider-rules.tsv");
}
