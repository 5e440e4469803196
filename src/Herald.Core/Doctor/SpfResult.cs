namespace Herald.Core.Doctor;

/// <summary>check_host()'s results (RFC 7208 section 2.6).</summary>
public enum SpfResult
{
    None,
    Neutral,
    Pass,
    Fail,
    SoftFail,
    TempError,
    PermError,
}
