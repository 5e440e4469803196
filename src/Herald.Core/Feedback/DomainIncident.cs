namespace Herald.Core.Feedback;

/// <summary>Several addresses of one domain hitting the same block: one problem of the domain, not of each user.</summary>
/// <param name="Sample">The raw reply of the latest address that opened or joined it.</param>
public sealed record DomainIncident(string Id, string Domain, string Signature, DateTimeOffset FirstAt, DateTimeOffset LastAt, int Addresses, string Sample)
{
    /// <summary>An incident is open while its domain hit the same block within this time.</summary>
    public static readonly TimeSpan OpenFor = TimeSpan.FromDays(1);

    public bool IsOpenAt(DateTimeOffset now) => now - LastAt < OpenFor;
}
