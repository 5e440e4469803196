namespace Herald.Core.Queue;

/// <summary>
/// The store cannot be used as it is: its file is corrupt, truncated, unreadable or read-only, or its disk is full.
/// Not an outcome of a request but of the machine, so it is an exception; the message names the file and the problem
/// in words for the operator. <c>herald serve</c> refuses to start on one (a restart cannot fix it), and the API answers
/// 503 with Retry-After while the store is faulty at run time.
/// </summary>
public sealed class StorageFaultException : Exception
{
    public StorageFaultException()
    {
    }

    public StorageFaultException(string message)
        : base(message)
    {
    }

    public StorageFaultException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <param name="transient">True when it can clear without the operator touching the files (a full disk, a lock).</param>
    public StorageFaultException(string message, bool transient, Exception? innerException)
        : base(message, innerException)
    {
        Transient = transient;
    }

    /// <summary>
    /// True when the store works again once space is freed or a lock released (disk full, busy): Herald keeps running,
    /// not ready, and answers 503. False for a corrupt, truncated, unreadable or read-only file: it stays broken.
    /// </summary>
    public bool Transient { get; }
}
