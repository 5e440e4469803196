namespace Herald.Server.Hosting;

/// <summary>
/// Something Herald kept is gone (the store, or the token key of an existing store) and starting anyway would hide it:
/// an empty store that loses every queued message and suppression without a word, or a new key that breaks every link
/// already sent. <c>herald serve</c> stops and names the flag that starts anyway (<c>--init</c>, <c>--rotate-token-key</c>).
/// </summary>
public sealed class DataMissingException : Exception
{
    public DataMissingException()
    {
    }

    public DataMissingException(string message)
        : base(message)
    {
    }

    public DataMissingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
