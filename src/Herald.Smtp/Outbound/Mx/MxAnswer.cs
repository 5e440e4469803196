namespace Herald.Smtp.Outbound.Mx;

/// <summary>What DNS said about a recipient domain, before any choice is made.</summary>
internal abstract record MxAnswer
{
    private MxAnswer() { }

    /// <param name="Mx">The MX records (empty when the domain has none).</param>
    /// <param name="DomainHasAddress">Whether the domain itself has A or AAAA records (only asked when there is no MX).</param>
    public sealed record Found(IReadOnlyList<MxEntry> Mx, bool DomainHasAddress) : MxAnswer;

    /// <summary>NXDOMAIN: the name does not exist.</summary>
    public sealed record DomainNotFound(string Detail) : MxAnswer;

    /// <summary>SERVFAIL, REFUSED, a timeout: ask again later.</summary>
    public sealed record TemporaryFailure(string Detail) : MxAnswer;
}
