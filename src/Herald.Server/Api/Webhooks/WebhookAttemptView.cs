namespace Herald.Server.Api.Webhooks;

/// <param name="Status">delivered or failed.</param>
/// <param name="ResponseCode">The endpoint's HTTP status; null when no answer came.</param>
internal sealed record WebhookAttemptView(DateTimeOffset At, string Status, int? ResponseCode, string? Error);
