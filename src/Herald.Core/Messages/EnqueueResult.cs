namespace Herald.Core.Messages;

/// <summary>Result of persisting a message. Expected outcomes are values, not exceptions.</summary>
public abstract record EnqueueResult
{
    private EnqueueResult() { }

    /// <summary>Persisted durably (fsync done): safe to answer 202.</summary>
    public sealed record Created(StoredMessage Message) : EnqueueResult;

    /// <summary>The idempotency key was used before (within its window) with the same request hash.</summary>
    public sealed record Duplicate(StoredMessage Existing) : EnqueueResult;

    /// <summary>
    /// Over the type's rate limit for this address: stored final as <c>throttled</c> (so the recipient's list shows the
    /// refused request and why), never sent. <paramref name="RetryAt"/> is when the oldest counted message leaves the window.
    /// </summary>
    public sealed record Throttled(StoredMessage Message, DateTimeOffset RetryAt) : EnqueueResult;

    /// <summary>The idempotency key was used before with a different request body.</summary>
    public sealed record KeyConflict(string ExistingMessageId) : EnqueueResult;
}
