using Herald.Core.Feedback;

namespace Herald.Server.Feedback;

/// <summary>The <c>Herald:Feedback</c> section: the suppression policy, the verification email and outbound webhooks.</summary>
public sealed class FeedbackOptions
{
    public SuppressionPolicyOptions Policy { get; set; } = new();

    /// <summary>The catalogue type sent after an unblock and by POST /v1/recipients/{address}/probe.</summary>
    public string ProbeType { get; set; } = "deliverability-probe";

    /// <summary>Outbound webhook endpoints by name.</summary>
    public Dictionary<string, WebhookEndpointOptions> Webhooks { get; set; } = new(StringComparer.Ordinal);
}
