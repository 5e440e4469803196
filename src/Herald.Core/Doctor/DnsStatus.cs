namespace Herald.Core.Doctor;

/// <summary>How a DNS question ended. Only <see cref="Answered"/> and <see cref="NoData"/> say something about the name.</summary>
public enum DnsStatus
{
    /// <summary>NOERROR with records of the asked type.</summary>
    Answered,

    /// <summary>NOERROR with none (the name exists, this type does not).</summary>
    NoData,

    /// <summary>NXDOMAIN: the name does not exist (RFC 8020: nothing below it does either).</summary>
    NameNotFound,

    /// <summary>SERVFAIL, REFUSED or another error code: the domain's servers could not answer.</summary>
    ServerFailure,

    /// <summary>No answer in time: nothing was learned.</summary>
    TimedOut,
}
