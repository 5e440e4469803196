namespace Herald.Core.Doctor;

/// <summary>
/// Every cause the doctor can report, ranked: the first is what blocks everything after it (a mistyped address makes
/// its DNS, preferences and history beside the point). Scripts read these names; they never change meaning.
/// </summary>
public static class CauseCodes
{
    public const string AddressInvalid = "address-invalid";
    public const string TypoDomain = "typo-domain";
    public const string DomainNotFound = "domain-not-found";
    public const string NullMx = "domain-accepts-no-mail";
    public const string NoMailServer = "no-mail-server";
    public const string DnsFailure = "dns-failure";
    public const string DnsTimeout = "dns-timeout";
    public const string Suspended = "suspended";
    public const string DomainIncident = "domain-incident";
    public const string Blocked = "last-problem";
    public const string PreferenceOff = "preference-off";
    public const string Expired = "expired";
    public const string ImplicitMx = "implicit-mx";
    public const string Deferred = "deferred";
    public const string Transient = "transient-problem";

    public const string SpfMissing = "spf-missing";
    public const string SpfNotAuthorised = "spf-not-authorised";
    public const string SpfBroken = "spf-error";
    public const string DkimMissing = "dkim-missing";
    public const string DkimMismatch = "dkim-key-mismatch";
    public const string DmarcMissing = "dmarc-missing";
    public const string DmarcNotAligned = "dmarc-not-aligned";
    public const string BounceMx = "bounce-mx";
    public const string PtrNotConfirmed = "ptr-not-confirmed";
    public const string SenderDns = "sender-dns-unanswered";

    private static readonly string[] Order =
    [
        AddressInvalid, TypoDomain, DomainNotFound, NullMx, NoMailServer, DnsFailure, DnsTimeout, Suspended, DomainIncident,
        Blocked, PreferenceOff, Expired, ImplicitMx, Deferred, Transient,
        SenderDns, SpfMissing, SpfBroken, SpfNotAuthorised, DkimMissing, DkimMismatch, DmarcMissing, DmarcNotAligned, BounceMx, PtrNotConfirmed,
    ];

    public static int Rank(string code) => Array.IndexOf(Order, code) is var i and >= 0 ? i : Order.Length;
}
