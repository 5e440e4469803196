namespace Herald.Server.Pages.Portal;

/// <summary>GET /v1/recipients/{id}/banner: what the application shows at the top of its own pages.</summary>
/// <param name="Severity"><c>none</c>, <c>warning</c> (a mail server refuses us; someone must act) or <c>error</c> (we stopped emailing an address).</param>
/// <param name="PortalLink">A single-use link into the recipient's email settings, where the details are; only when shown.</param>
public sealed record BannerView(bool Show, string Severity, string? Title, string? Text, string? PortalLink, DateTimeOffset? PortalLinkExpiresAt);
