namespace Herald.Cli;

/// <summary>Exit codes scripts can rely on. Documented in docs/cli.md.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>Herald answered, but said no: invalid request, unknown message, invalid configuration.</summary>
    public const int Rejected = 1;

    /// <summary>The command line itself was wrong.</summary>
    public const int Usage = 2;

    /// <summary>Herald could not be reached.</summary>
    public const int Unreachable = 3;

    /// <summary>
    /// <c>serve</c> would not start as configured (e.g. reachable from other machines with no API key), or something it
    /// kept is gone (the store, or the token key of an existing store: <c>--init</c>, <c>--rotate-token-key</c>); the
    /// message says what to do.
    /// </summary>
    public const int Refused = 4;

    /// <summary>
    /// <c>serve</c>: the store or the data folder is corrupt, truncated, unreadable or read-only (the message names the
    /// file and the problem). A restart cannot fix it; a supervisor should not loop on it.
    /// </summary>
    public const int StorageFault = 5;
}
