namespace SignInSample;

/// <summary>Herald's answer to POST /v1/recipients/{id}/portal-links (the part this application uses).</summary>
internal sealed record PortalLink(string Url);
