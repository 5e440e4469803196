namespace Herald.Core.Inbound;

/// <summary>
/// Answers whether an address is a Return-Path (VERP, e.g. <c>b-&lt;token&gt;@bounces.example.com</c>) that Herald
/// issued. The inbound listener accepts RCPT only for such addresses, so it can never be used as a relay or as a
/// general mailbox (RFC 5321 section 3.6.2 relaying is opt-in; we opt out entirely).
/// </summary>
public interface IReturnPathDirectory
{
    /// <param name="address">The RCPT address exactly as given, local part and domain, without angle brackets.</param>
    ValueTask<bool> IsKnownAsync(string address, CancellationToken cancellationToken);
}
