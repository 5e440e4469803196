namespace Herald.Server.Access;

/// <summary>Herald will not start as configured; the message says why and what to do. <c>herald serve</c> prints it and exits non-zero.</summary>
public sealed class StartupRefusedException : Exception
{
    public StartupRefusedException(string message)
        : base(message)
    {
    }

    public StartupRefusedException()
    {
    }

    public StartupRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
