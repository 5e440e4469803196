using Herald.Core.Feedback;
using Microsoft.Extensions.Configuration;

namespace Herald.Server.Feedback;

/// <summary>Configuration mistakes of the feedback loop, in words naming the setting (shown by start-up and <c>herald config check</c>).</summary>
internal static class FeedbackConfiguration
{
    private static readonly string[] EventTypes = ["delivered", "failed", "bounced", "complained", "suppressed", "unblocked", "problem", IncidentLifecycle.Opened, IncidentLifecycle.Closed];

    public static IEnumerable<string> Check(IConfiguration configuration)
    {
        var herald = configuration.GetSection("Herald");
        var feedback = herald.GetSection("Feedback").Get<FeedbackOptions>() ?? new FeedbackOptions();
        if (!herald.GetSection("Catalogue").GetSection(feedback.ProbeType).Exists())
        {
            yield return $"Herald:Feedback:ProbeType: '{feedback.ProbeType}' is not a type in Herald:Catalogue";
        }

        var p = feedback.Policy;
        if (p.AutoReplyMessages < 1 || p.SoftFailures < 1 || p.IncidentAddresses < 2 || p.UnblocksPerWindow < 1 || p.ProbesPerDay < 1)
        {
            yield return "Herald:Feedback:Policy: AutoReplyMessages, SoftFailures, UnblocksPerWindow and ProbesPerDay must be at least 1, IncidentAddresses at least 2";
        }

        foreach (var (name, endpoint) in feedback.Webhooks)
        {
            if (!Uri.TryCreate(endpoint.Url, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
            {
                yield return $"Herald:Feedback:Webhooks:{name}:Url: must be an absolute http(s) URL";
            }

            if (!endpoint.Secret.StartsWith("whsec_", StringComparison.Ordinal) || !IsBase64(endpoint.Secret["whsec_".Length..]))
            {
                yield return $"Herald:Feedback:Webhooks:{name}:Secret: must be 'whsec_' followed by a base64 key (Standard Webhooks)";
            }

            foreach (var type in endpoint.Events.Where(e => !EventTypes.Contains(e, StringComparer.OrdinalIgnoreCase)))
            {
                yield return $"Herald:Feedback:Webhooks:{name}:Events: '{type}' is not one of {string.Join(", ", EventTypes)}";
            }
        }
    }

    private static bool IsBase64(string text)
    {
        var buffer = new byte[text.Length];
        return text.Length > 0 && Convert.TryFromBase64String(text, buffer, out _);
    }
}
