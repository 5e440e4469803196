namespace Herald.Server.Feedback;

/// <summary>One application endpoint for outbound webhooks (Standard Webhooks).</summary>
public sealed class WebhookEndpointOptions
{
    public string Url { get; set; } = "";

    /// <summary>"whsec_" followed by the base64 key, as the Standard Webhooks specification defines.</summary>
    public string Secret { get; set; } = "";

    /// <summary>delivered, failed, bounced, complained, suppressed, unblocked, problem, incident.opened, incident.closed; empty means all of them.</summary>
    public List<string> Events { get; set; } = [];
}
