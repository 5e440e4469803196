using Herald.Core.Feedback;

namespace Herald.Core.Messages;

/// <summary>What became of a submission. Expected outcomes are values: the caller maps each to its answer.</summary>
public abstract record IntakeResult
{
    private IntakeResult() { }

    /// <summary>Stored durably. <paramref name="Suspension"/> is set when the address is suspended (the message is final, suppressed).</summary>
    /// <param name="Replayed">The idempotency key named an earlier identical request: this is that message.</param>
    public sealed record Accepted(StoredMessage Message, Suspension? Suspension, bool Replayed) : IntakeResult;

    /// <summary>The request is not valid; every problem named by its field.</summary>
    public sealed record Invalid(IReadOnlyDictionary<string, string[]> Errors) : IntakeResult;

    /// <summary>Over the type's rate limit for the address; the message is stored <c>throttled</c> with the reason on its timeline.</summary>
    public sealed record Throttled(StoredMessage Message, DateTimeOffset RetryAt, string Reason) : IntakeResult;

    /// <summary>The idempotency key was used within <paramref name="Window"/> for another request.</summary>
    public sealed record KeyConflict(string ExistingMessageId, TimeSpan Window) : IntakeResult;
}
