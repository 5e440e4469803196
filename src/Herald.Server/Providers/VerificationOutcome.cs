namespace Herald.Server.Providers;

public enum VerificationOutcome
{
    Verified,

    /// <summary>Forged, tampered, stale, replayed or not for us: answer 403, never retry.</summary>
    Rejected,

    /// <summary>Could not be checked now (signing certificate unreachable): answer 503 so the provider retries.</summary>
    Unavailable,
}
