namespace Herald.Core.Portal;

/// <summary>Portal links (port): single-use, short-lived links into one recipient's email settings.</summary>
public interface IPortalLinkStore
{
    Task AddAsync(PortalLink link, CancellationToken cancellationToken);

    /// <summary>
    /// Uses the link once: the recipient it opens when it exists, has not expired at <paramref name="now"/> and was never
    /// used; null otherwise. The use is durable before the answer, so a second use is refused even after a restart.
    /// </summary>
    Task<string?> RedeemAsync(string tokenHash, DateTimeOffset now, CancellationToken cancellationToken);
}
