namespace Herald.Smtp.Outbound.Mx;

/// <summary>The DNS seam of the Direct route, so that MX choice is tested without a resolver.</summary>
internal interface IMxLookup
{
    Task<MxAnswer> LookupAsync(string domain, SmtpRouteOptions route, CancellationToken cancellationToken);
}
