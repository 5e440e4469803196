using Herald.Smtp.Outbound;
using Herald.Smtp.Outbound.Mx;

namespace Herald.Smtp.Tests.Infrastructure;

/// <summary>The DNS seam answering the same for every domain (the SMTP side stays real).</summary>
internal sealed class FixedMxLookup(MxAnswer answer) : IMxLookup
{
    public List<string> Domains { get; } = [];

    public Task<MxAnswer> LookupAsync(string domain, SmtpRouteOptions route, CancellationToken cancellationToken)
    {
        Domains.Add(domain);
        return Task.FromResult(answer);
    }
}
