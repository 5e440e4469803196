namespace Herald.Core.Portal;

/// <summary>A stored portal link: only the SHA-256 of its token, whose recipient it opens, and until when.</summary>
public sealed record PortalLink(string TokenHash, string RecipientId, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt);
