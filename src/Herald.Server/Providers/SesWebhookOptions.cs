namespace Herald.Server.Providers;

public sealed record SesWebhookOptions
{
    /// <summary>
    /// SNS topics we subscribed to, exactly as TopicArn appears (arn:aws:sns:region:account:name). A correctly signed
    /// message from another topic is someone else's subscription pointed at us: refused.
    /// </summary>
    public IReadOnlyCollection<string> AllowedTopicArns { get; init; } = [];

    /// <summary>SNS messages are at most 256 KiB (SNS quotas); anything bigger is not from SNS.</summary>
    public int MaxBodyBytes { get; init; } = 300 * 1024;

    /// <summary>How long an event id is remembered. SNS retries HTTP endpoints for about an hour by default.</summary>
    public TimeSpan EventRetention { get; init; } = TimeSpan.FromDays(7);
}
