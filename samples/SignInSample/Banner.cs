namespace SignInSample;

/// <summary>Herald's answer to GET /v1/recipients/{id}/banner.</summary>
internal sealed record Banner(bool Show, string Severity, string? Title, string? Text, string? PortalLink);
