namespace Herald.Server.Providers;

public sealed record MailgunWebhookOptions
{
    /// <summary>The "HTTP webhook signing key" from the Mailgun control panel (not the API key).</summary>
    public string SigningKey { get; init; } = "";

    /// <summary>Mailgun's docs suggest refusing old timestamps; 5 minutes either way absorbs clock skew.</summary>
    public TimeSpan Tolerance { get; init; } = TimeSpan.FromMinutes(5);

    public int MaxBodyBytes { get; init; } = 1024 * 1024;

    /// <summary>How long an event id is remembered; Mailgun retries failed webhooks for 8 hours.</summary>
    public TimeSpan EventRetention { get; init; } = TimeSpan.FromDays(7);
}
