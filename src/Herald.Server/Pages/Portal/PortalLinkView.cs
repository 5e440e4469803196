namespace Herald.Server.Pages.Portal;

/// <summary>A portal link: open it once, before <paramref name="ExpiresAt"/>, to start a session in that recipient's email settings.</summary>
public sealed record PortalLinkView(string Url, DateTimeOffset ExpiresAt);
