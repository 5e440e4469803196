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

    /// <summary><c>serve</c> would not start as configured (e.g. reachable from other machines with no API key); the message says what to do.</summary>
    public const int Refused = 4;
}
