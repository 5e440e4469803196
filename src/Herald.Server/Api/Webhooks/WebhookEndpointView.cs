namespace Herald.Server.Api.Webhooks;

/// <summary>An endpoint (never its secret) with its backlog and dead letters; no URL once it is no longer configured.</summary>
internal sealed record WebhookEndpointView(string Name, string? Url, string[] Events, long Pending, long Dead);
